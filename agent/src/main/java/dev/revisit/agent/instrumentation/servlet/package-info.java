/** The Jakarta Servlet API: request timing for Tomcat, Jetty and Undertow, with Spring MVC's route template. */
package dev.revisit.agent.instrumentation.servlet;
