/** The JDK's {@code com.sun.net.httpserver}: request timing through its filter chain, route = the context path. */
package dev.revisit.agent.instrumentation.httpserver;
