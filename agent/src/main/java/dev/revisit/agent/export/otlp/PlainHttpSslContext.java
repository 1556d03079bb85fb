package dev.revisit.agent.export.otlp;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.SecureRandom;

/**
 * The TLS context handed to the JDK HTTP client for a plain {@code http://} endpoint. Without
 * one the client takes {@code SSLContext.getDefault()}, which loads the JDK's TLS stack
 * (≈ 430 classes) and parses the CA certificates at the agent's start, for connections that
 * never use TLS. The client only asks this context for its default parameters; it would ask
 * for an engine only to open an {@code https://} connection, which an {@code http://} sender
 * never does (no redirects are followed), so that refuses rather than fall back to no trust.
 */
final class PlainHttpSslContext extends SSLContext {

    PlainHttpSslContext() {
        super(new Unused(), null, "none");
    }

    private static final class Unused extends SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("TLS with a context for plain http:// endpoints");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        // Asked by the HTTP client's constructor: plain parameters, nothing from a provider.
        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters();
        }
    }
}
