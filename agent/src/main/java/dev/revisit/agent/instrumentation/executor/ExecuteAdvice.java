package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.bootstrap.executor.ExecutorHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code ThreadPoolExecutor.execute(task)}: the task's submit time. */
public final class ExecuteAdvice {
    private ExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object task) {
        ExecutorHook.get().submitted(task);
    }
}
