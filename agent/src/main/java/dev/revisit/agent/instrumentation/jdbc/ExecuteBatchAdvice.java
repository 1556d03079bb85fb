package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.bootstrap.jdbc.JdbcHook;
import net.bytebuddy.asm.Advice;

/** On {@code Statement.executeBatch/executeLargeBatch}: times the call as a batch. */
public final class ExecuteBatchAdvice {
    private ExecuteBatchAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.This Object statement) {
        return JdbcHook.get().enterExecuteBatch(statement);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object statement, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        JdbcHook.get().exitExecute(statement, start, thrown);
    }
}
