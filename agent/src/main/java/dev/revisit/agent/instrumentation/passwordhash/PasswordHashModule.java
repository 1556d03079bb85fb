package dev.revisit.agent.instrumentation.passwordhash;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.auth.AuthMetrics;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code auth.mechanism=password-hash}: password checks by every Spring Security
 * {@code PasswordEncoder} (BCrypt, Argon2, SCrypt, PBKDF2, and the delegating encoder around
 * them, counted once) and by jBCrypt. Only checks count: each is one authentication attempt
 * with an outcome, and costs what hashing costs (it is hashing, with the stored salt). Hashing
 * a new password ({@code encode}, {@code hashpw}) is storing a credential, not authenticating
 * (ADR 0013).
 */
public final class PasswordHashModule implements InstrumentationModule {

    @Override
    public String name() {
        return "passwordhash";
    }

    @Override
    public void start(ModuleContext context) {
        AuthMetrics.install(context);
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(not(isInterface()).and(hasSuperType(named("org.springframework.security.crypto.password.PasswordEncoder"))),
                        named("matches").and(takesArguments(2)).and(returns(boolean.class)).and(not(isAbstract())), MatchAdvice.class)
                .type(named("org.mindrot.jbcrypt.BCrypt"),
                        named("checkpw").and(takesArguments(2)).and(returns(boolean.class)), MatchAdvice.class);
    }
}
