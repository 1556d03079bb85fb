/**
 * The Servlet API, {@code jakarta.servlet} and {@code javax.servlet} alike: request timing for
 * Tomcat, Jetty and Undertow, with Spring MVC's route template, else the pattern of the servlet
 * mapping the request matched (on Servlet 3.x found among the registered patterns). One advice
 * serves both namespaces; {@code ServletApi} reads each through method handles.
 */
package dev.revisit.agent.instrumentation.servlet;
