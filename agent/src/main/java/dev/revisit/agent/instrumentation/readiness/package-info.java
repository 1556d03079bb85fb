/** The application's first listening socket, which defines "ready" for {@code revisit.jvm.startup.duration}. */
package dev.revisit.agent.instrumentation.readiness;
