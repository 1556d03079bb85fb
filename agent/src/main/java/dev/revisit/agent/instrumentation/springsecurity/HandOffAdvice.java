package dev.revisit.agent.instrumentation.springsecurity;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import net.bytebuddy.asm.Advice;

/** On {@code FilterChain.doFilter}: a security filter passing the request on; that time is not the filter's. */
public final class HandOffAdvice {
    private HandOffAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
        return AuthHook.get().enterHandOff();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object frame) {
        AuthHook.get().exitHandOff(frame);
    }
}
