package dev.revisit.collector.server;

/**
 * Where the collector listens and what a request may weigh.
 *
 * @param host            interface to bind; loopback by default so nothing is exposed by accident
 * @param port            OTLP/HTTP port (4318 is the OTLP default; 0 picks a free one)
 * @param maxRequestBytes largest request body accepted, before and after gzip; larger gets 413
 */
public record ServerConfig(String host, int port, int maxRequestBytes) {

    public static final int OTLP_HTTP_PORT = 4318;
    public static final int DEFAULT_MAX_REQUEST_BYTES = 8 * 1024 * 1024;
    public static final ServerConfig DEFAULT = new ServerConfig("127.0.0.1", OTLP_HTTP_PORT, DEFAULT_MAX_REQUEST_BYTES);

    public ServerConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (maxRequestBytes <= 0) throw new IllegalArgumentException("maxRequestBytes must be positive");
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, maxRequestBytes);
    }

    public ServerConfig withMaxRequestBytes(int max) {
        return new ServerConfig(host, port, max);
    }
}
