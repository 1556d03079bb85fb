package dev.revisit.testapp.http;

import org.springframework.security.crypto.password.PasswordEncoder;

/** BCrypt with a known extra cost per check, so the test knows the hashing time a login takes. */
final class SleepingPasswordEncoder implements PasswordEncoder {
    private final PasswordEncoder delegate;
    private final long sleepMs;

    SleepingPasswordEncoder(PasswordEncoder delegate, long sleepMs) {
        this.delegate = delegate;
        this.sleepMs = sleepMs;
    }

    @Override
    public String encode(CharSequence raw) {
        return delegate.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        SecuredShop.sleep(sleepMs);
        return delegate.matches(raw, encoded);
    }
}
