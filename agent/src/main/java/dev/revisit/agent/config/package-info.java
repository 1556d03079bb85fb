/** The agent's settings: {@code revisit.*} system properties, {@code REVISIT_*} environment, and the OpenTelemetry variables. */
package dev.revisit.agent.config;
