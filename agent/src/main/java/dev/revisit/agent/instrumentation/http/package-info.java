/**
 * The {@code api} area's request timing, shared by the HTTP server instrumentations
 * ({@code servlet}, {@code httpserver}): {@code http.server.request.duration} with method,
 * route template, status, scheme and API version, and {@code http.server.active_requests}.
 * The route is the framework's template, never the raw path; the API version is a configured
 * header's value ({@code revisit.http.version.header}) or a {@code /vN} segment of the route,
 * else of the path.
 */
package dev.revisit.agent.instrumentation.http;
