package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.bootstrap.executor.ExecutorHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code remove(task)}: a task taken out of the queue will not run. */
public final class RemoveAdvice {
    private RemoveAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object task, @Advice.Return boolean removed) {
        if (removed) {
            ExecutorHook.get().dropped(task);
        }
    }
}
