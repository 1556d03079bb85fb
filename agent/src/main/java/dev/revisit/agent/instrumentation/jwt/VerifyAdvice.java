package dev.revisit.agent.instrumentation.jwt;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import net.bytebuddy.asm.Advice;

/** On a JWT verification that throws when the token is rejected (decoders, processors, parsers). */
public final class VerifyAdvice {
    private VerifyAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
        return AuthHook.get().enter(AuthHook.JWT);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object frame, @Advice.Thrown Throwable thrown) {
        AuthHook.get().exit(frame, thrown != null);
    }
}
