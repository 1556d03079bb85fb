package dev.revisit.testapp.http;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** A decoder in front of Nimbus that takes a known extra time, as a remote key lookup would. */
final class SleepingJwtDecoder implements JwtDecoder {
    private final JwtDecoder delegate;
    private final long sleepMs;

    SleepingJwtDecoder(JwtDecoder delegate, long sleepMs) {
        this.delegate = delegate;
        this.sleepMs = sleepMs;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        SecuredShop.sleep(sleepMs);
        return delegate.decode(token);
    }
}
