package dev.revisit.agent.instrumentation.springsecurity;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import net.bytebuddy.asm.Advice;

/** On an authentication or authorization filter's {@code doFilter}/{@code doFilterInternal}: a filter-chain step. */
public final class AuthFilterAdvice {
    private AuthFilterAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
        return AuthHook.get().enter(AuthHook.FILTER_CHAIN);
    }

    /** Rejections are reported by {@link RejectionAdvice}: an exception passing through a filter may be the application's. */
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object frame) {
        AuthHook.get().exit(frame, false);
    }
}
