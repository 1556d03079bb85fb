package dev.revisit.agent.instrumentation.passwordhash;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import net.bytebuddy.asm.Advice;

/** On a password check ({@code PasswordEncoder.matches}, jBCrypt {@code checkpw}): failed when it returns false. */
public final class MatchAdvice {
    private MatchAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
        return AuthHook.get().enter(AuthHook.PASSWORD_HASH);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object frame, @Advice.Return boolean matched, @Advice.Thrown Throwable thrown) {
        AuthHook.get().exit(frame, thrown != null || !matched);
    }
}
