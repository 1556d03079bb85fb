/**
 * The Servlet API, {@code jakarta.servlet} and {@code javax.servlet} alike: request timing for
 * Tomcat, Jetty and Undertow, with Spring MVC's route template. One advice serves both
 * namespaces; {@code ServletApi} reads each through method handles.
 */
package dev.revisit.agent.instrumentation.servlet;
