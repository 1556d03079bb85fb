/** The hook HTTP server advice calls: {@link dev.revisit.agent.bootstrap.http.HttpServerHook}. */
package dev.revisit.agent.bootstrap.http;
