/** The opt-in Prometheus scrape endpoint (client_java 1.x text format on the JDK HTTP server; see docs/adr/0002). */
package dev.revisit.agent.export.prometheus;
