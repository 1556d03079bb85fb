package dev.revisit.agent.instrumentation.springsecurity;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import net.bytebuddy.asm.Advice;

/** On {@code FilterChainProxy.doFilter}: one pass of a request through Spring Security. */
public final class SecurityChainAdvice {
    private SecurityChainAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        AuthHook.get().enterSecurityChain();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Thrown Throwable thrown) {
        AuthHook.get().exitSecurityChain(thrown);
    }
}
