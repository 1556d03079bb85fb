package dev.revisit.agent.instrumentation.springsecurity;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import net.bytebuddy.asm.Advice;

/**
 * On {@code AuthenticationEntryPoint.commence}, {@code AccessDeniedHandler.handle} and
 * {@code AuthenticationFailureHandler.onAuthenticationFailure}: Spring Security turned the request down.
 */
public final class RejectionAdvice {
    private RejectionAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        AuthHook.get().rejected();
    }
}
