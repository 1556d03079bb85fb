package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.bootstrap.executor.ExecutorHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On the private {@code getTask()}: a worker took a queued task. */
public final class GetTaskAdvice {
    private GetTaskAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object executor, @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object task) {
        ExecutorHook.get().started(executor, task);
    }
}
