package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.bootstrap.jdbc.JdbcHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code Statement.execute/executeQuery/executeUpdate/executeLargeUpdate}: times the call. */
public final class ExecuteAdvice {
    private ExecuteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.This Object statement,
                      @Advice.Argument(value = 0, optional = true, typing = Assigner.Typing.DYNAMIC) Object sql) {
        return JdbcHook.get().enterExecute(statement, sql);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object statement, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        JdbcHook.get().exitExecute(statement, start, thrown);
    }
}
