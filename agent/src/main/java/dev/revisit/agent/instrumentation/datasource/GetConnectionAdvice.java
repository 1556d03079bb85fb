package dev.revisit.agent.instrumentation.datasource;

import dev.revisit.agent.bootstrap.datasource.DataSourceHook;
import net.bytebuddy.asm.Advice;

/** On {@code DataSource.getConnection(...)}: times the wait for a connection. */
public final class GetConnectionAdvice {
    private GetConnectionAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        return DataSourceHook.get().enterGetConnection();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object dataSource, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        DataSourceHook.get().exitGetConnection(dataSource, start, thrown);
    }
}
