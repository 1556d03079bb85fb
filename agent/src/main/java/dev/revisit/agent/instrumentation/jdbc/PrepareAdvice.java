package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.bootstrap.jdbc.JdbcHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code Connection.prepareStatement/prepareCall(String, ...)}: remembers the statement's SQL. */
public final class PrepareAdvice {
    private PrepareAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        JdbcHook.get().enterPrepare();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Return(typing = Assigner.Typing.DYNAMIC) Object statement,
                     @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object sql) {
        JdbcHook.get().exitPrepare(statement, sql);
    }
}
