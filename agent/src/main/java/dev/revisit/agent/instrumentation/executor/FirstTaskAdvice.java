package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.bootstrap.executor.ExecutorHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code Worker.run()}: a new worker starts with the task it was created for, which never queued. */
public final class FirstTaskAdvice {
    private FirstTaskAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.FieldValue(value = "firstTask", typing = Assigner.Typing.DYNAMIC) Object task,
                      @Advice.FieldValue(value = "this$0", typing = Assigner.Typing.DYNAMIC) Object executor) {
        if (task != null) {
            ExecutorHook.get().started(executor, task);
        }
    }
}
