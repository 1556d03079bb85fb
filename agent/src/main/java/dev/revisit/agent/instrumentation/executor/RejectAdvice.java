package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.bootstrap.executor.ExecutorHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code reject(task)}: the task will not run here. */
public final class RejectAdvice {
    private RejectAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object task) {
        ExecutorHook.get().dropped(task);
    }
}
