package dev.revisit.collector.prometheus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS towards the store from PEM files, as Prometheus' own {@code tls_config} takes them: a CA to
 * trust (instead of the JDK's), optionally a client certificate and its PKCS #8 key, or — for a
 * test store only — no verification at all.
 */
public final class PrometheusTls {

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PrometheusTls() {}

    /**
     * The context, or null when nothing differs from the JDK's defaults.
     *
     * @param caFile   PEM certificates to trust, or null for the JDK's trust store
     * @param insecure trust any certificate for any host name (ignores {@code caFile})
     * @param certFile PEM client certificate chain, or null
     * @param keyFile  its PKCS #8 PEM private key ({@code BEGIN PRIVATE KEY}), with {@code certFile}
     * @throws IOException with a message fit for the user when a file is missing or not what it should be
     */
    public static SSLContext context(Path caFile, boolean insecure, Path certFile, Path keyFile) throws IOException {
        if (caFile == null && !insecure && certFile == null) {
            return null;
        }
        try {
            TrustManager[] trust = insecure ? new TrustManager[] {new TrustingEveryone()}
                    : caFile == null ? null : trusting(certificates(caFile));
            javax.net.ssl.KeyManager[] keys = certFile == null ? null : keys(certificates(certFile), privateKey(keyFile));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> found;
        try {
            found = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(read(pem)));
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(pem + ": not a PEM certificate: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IOException(pem + ": no certificate in it");
        }
        return List.copyOf(found);
    }

    private static TrustManager[] trusting(List<Certificate> cas) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static javax.net.ssl.KeyManager[] keys(List<Certificate> chain, PrivateKey key)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] none = new char[0];
        store.setKeyEntry("client", key, none, chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, none);
        return factory.getKeyManagers();
    }

    private static PrivateKey privateKey(Path pem) throws IOException {
        if (pem == null) {
            throw new IOException("a client certificate needs its private key file");
        }
        Matcher m = PRIVATE_KEY.matcher(new String(read(pem), StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw new IOException(pem + ": no PKCS #8 private key (BEGIN PRIVATE KEY) in it; "
                    + "convert one with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(1)));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IOException(pem + ": a private key that is neither RSA, EC nor Ed25519");
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Accepts every certificate for every host. JSSE checks the host name inside an extended
     * trust manager, so this one switches that off too; meant for test stores only.
     */
    private static final class TrustingEveryone extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
