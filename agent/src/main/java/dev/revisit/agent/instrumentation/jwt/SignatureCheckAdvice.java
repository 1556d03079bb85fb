package dev.revisit.agent.instrumentation.jwt;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import net.bytebuddy.asm.Advice;

/** On Nimbus {@code JWSObject.verify(JWSVerifier)}: returns false for a bad signature. */
public final class SignatureCheckAdvice {
    private SignatureCheckAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
        return AuthHook.get().enter(AuthHook.JWT);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object frame, @Advice.Return boolean valid, @Advice.Thrown Throwable thrown) {
        AuthHook.get().exit(frame, thrown != null || !valid);
    }
}
