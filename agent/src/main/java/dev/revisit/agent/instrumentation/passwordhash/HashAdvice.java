package dev.revisit.agent.instrumentation.passwordhash;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import net.bytebuddy.asm.Advice;

/** On hashing a password ({@code PasswordEncoder.encode}, jBCrypt {@code hashpw}). */
public final class HashAdvice {
    private HashAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        return AuthHook.get().enter(AuthHook.PASSWORD_HASH);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        AuthHook.get().exit(start, thrown != null);
    }
}
