package dev.revisit.agent.instrumentation.readiness;

import dev.revisit.agent.bootstrap.readiness.ReadinessHook;
import net.bytebuddy.asm.Advice;

/** After a successful server-socket bind. */
public final class BindAdvice {
    private BindAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit() {
        ReadinessHook.get().listening();
    }
}
