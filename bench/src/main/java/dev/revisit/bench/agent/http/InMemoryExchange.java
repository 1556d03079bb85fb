package dev.revisit.bench.agent.http;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exchange without a socket, so a benchmark can run the JDK server's own
 * {@code Filter.Chain} — where the agent's advice sits — without network time drowning
 * the nanoseconds being measured. Reusable: {@link #reset()} before each request.
 */
public final class InMemoryExchange extends HttpExchange {
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final URI uri = URI.create("/api/v1/items/42");
    private final Context context;
    private int status = -1;

    public InMemoryExchange(HttpHandler handler) {
        this.context = new Context(handler);
    }

    public void reset() {
        status = -1;
    }

    public HttpHandler handler() {
        return context.getHandler();
    }

    @Override public Headers getRequestHeaders() { return requestHeaders; }
    @Override public Headers getResponseHeaders() { return responseHeaders; }
    @Override public URI getRequestURI() { return uri; }
    @Override public String getRequestMethod() { return "GET"; }
    @Override public HttpContext getHttpContext() { return context; }
    @Override public void close() { }
    @Override public InputStream getRequestBody() { return new ByteArrayInputStream(new byte[0]); }
    @Override public OutputStream getResponseBody() { return OutputStream.nullOutputStream(); }
    @Override public void sendResponseHeaders(int rCode, long responseLength) { status = rCode; }
    @Override public InetSocketAddress getRemoteAddress() { return null; }
    @Override public int getResponseCode() { return status; }
    @Override public InetSocketAddress getLocalAddress() { return null; }
    @Override public String getProtocol() { return "HTTP/1.1"; }
    @Override public Object getAttribute(String name) { return null; }
    @Override public void setAttribute(String name, Object value) { }
    @Override public void setStreams(InputStream i, OutputStream o) { }
    @Override public HttpPrincipal getPrincipal() { return null; }

    private static final class Context extends HttpContext {
        private HttpHandler handler;
        private final List<Filter> filters = new ArrayList<>();
        private final Map<String, Object> attributes = new HashMap<>();

        Context(HttpHandler handler) {
            this.handler = handler;
        }

        @Override public HttpHandler getHandler() { return handler; }
        @Override public void setHandler(HttpHandler h) { handler = h; }
        @Override public String getPath() { return "/api/v1/items"; }
        @Override public HttpServer getServer() { return null; }
        @Override public Map<String, Object> getAttributes() { return attributes; }
        @Override public List<Filter> getFilters() { return filters; }
        @Override public Authenticator setAuthenticator(Authenticator auth) { return null; }
        @Override public Authenticator getAuthenticator() { return null; }
    }
}
