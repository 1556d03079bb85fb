package dev.revisit.agent.export.otlp;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.ProxyOptions;
import io.opentelemetry.sdk.common.export.RetryPolicy;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Loads the exporter's components as before, except that the HTTP sender of a plain
 * {@code http://} endpoint gets a {@link PlainHttpSslContext}: the SDK leaves the context out
 * for such an endpoint, and the JDK client then builds the default TLS context anyway. An
 * {@code https://} endpoint's configuration passes through untouched (the JDK's default trust).
 */
final class PlainHttpSenders implements ComponentLoader {
    private final ComponentLoader delegate;

    PlainHttpSenders(ComponentLoader delegate) {
        this.delegate = delegate;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Iterable<T> load(Class<T> type) {
        Iterable<T> loaded = delegate.load(type);
        if (type != HttpSenderProvider.class) {
            return loaded;
        }
        List<T> wrapped = new ArrayList<>();
        for (T provider : loaded) {
            wrapped.add((T) wrap((HttpSenderProvider) provider));
        }
        return wrapped;
    }

    private static HttpSenderProvider wrap(HttpSenderProvider provider) {
        return config -> provider.createSender(
                "http".equals(config.getEndpoint().getScheme()) && config.getSslContext() == null ? new PlainHttp(config) : config);
    }

    /** The SDK's configuration with the never-used TLS context in place of none. */
    private static final class PlainHttp implements HttpSenderConfig {
        private final HttpSenderConfig config;
        private final SSLContext sslContext = new PlainHttpSslContext();

        PlainHttp(HttpSenderConfig config) {
            this.config = config;
        }

        @Override
        public SSLContext getSslContext() {
            return sslContext;
        }

        @Override
        public X509TrustManager getTrustManager() {
            return config.getTrustManager();
        }

        @Override
        public URI getEndpoint() {
            return config.getEndpoint();
        }

        @Override
        public String getContentType() {
            return config.getContentType();
        }

        @Override
        public Compressor getCompressor() {
            return config.getCompressor();
        }

        @Override
        public Duration getTimeout() {
            return config.getTimeout();
        }

        @Override
        public Duration getConnectTimeout() {
            return config.getConnectTimeout();
        }

        @Override
        public Supplier<Map<String, List<String>>> getHeadersSupplier() {
            return config.getHeadersSupplier();
        }

        @Override
        public ProxyOptions getProxyOptions() {
            return config.getProxyOptions();
        }

        @Override
        public RetryPolicy getRetryPolicy() {
            return config.getRetryPolicy();
        }

        @Override
        public ExecutorService getExecutorService() {
            return config.getExecutorService();
        }

        @Override
        public long getMaxResponseBodySize() {
            return config.getMaxResponseBodySize();
        }

        @Override
        public List<String> getEnabledProtocols() {
            return config.getEnabledProtocols();
        }
    }
}
