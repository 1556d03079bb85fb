package dev.revisit.agent.instrumentation.springsecurity;

import dev.revisit.agent.bootstrap.auth.AuthHook;
import net.bytebuddy.asm.Advice;

/** On {@code OpaqueTokenIntrospector.introspect}: a call to the authorization server; failed when it throws. */
public final class IntrospectionAdvice {
    private IntrospectionAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter() {
        return AuthHook.get().enter(AuthHook.INTROSPECTION);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object frame, @Advice.Thrown Throwable thrown) {
        AuthHook.get().exit(frame, thrown != null);
    }
}
