package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.bootstrap.jdbc.JdbcHook;
import net.bytebuddy.asm.Advice;

/** On {@code Statement.close()}: forgets the statement's SQL. */
public final class CloseAdvice {
    private CloseAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object statement) {
        JdbcHook.get().closeStatement(statement);
    }
}
