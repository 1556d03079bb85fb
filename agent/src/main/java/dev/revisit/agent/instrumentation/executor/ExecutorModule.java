package dev.revisit.agent.instrumentation.executor;

import dev.revisit.agent.bootstrap.executor.ExecutorHook;
import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code revisit.executor.queue.wait} for {@code ThreadPoolExecutor} and
 * {@code ScheduledThreadPoolExecutor} (docs/adr/0007), one task in
 * {@code revisit.executor.sample.every} (docs/adr/0015). Advice goes into the JDK's own class,
 * whose private methods it names: a JDK whose pool differs simply matches nothing.
 * Switched by {@code revisit.instrumentation.executor.enabled}.
 */
public final class ExecutorModule implements InstrumentationModule {
    private static final String POOL = "java.util.concurrent.ThreadPoolExecutor";

    @Override
    public String name() {
        return "executor";
    }

    @Override
    public void start(ModuleContext context) {
        int sampleEvery = (int) context.config().getLong(QueueWait.SAMPLE_EVERY, QueueWait.DEFAULT_SAMPLE_EVERY, 1, QueueWait.MAX_SAMPLE_EVERY);
        ExecutorHook.install(new QueueWait(context.recorder(), sampleEvery));
    }

    @Override
    public void transform(Transforms transforms) {
        // Every constructor delegates to the seven-argument one, so this runs once per pool.
        transforms.jdkType(named(POOL), isConstructor().and(takesArguments(7)), PoolCreatedAdvice.class)
                .jdkType(named(POOL), named("execute").and(takesArguments(1)), ExecuteAdvice.class)
                .jdkType(named(POOL), named("getTask").and(takesArguments(0)), GetTaskAdvice.class)
                .jdkType(named(POOL + "$Worker"), named("run").and(takesArguments(0)), FirstTaskAdvice.class)
                .jdkType(named(POOL), named("reject").and(takesArguments(1)), RejectAdvice.class)
                .jdkType(named(POOL), named("remove").and(takesArguments(1)), RemoveAdvice.class);
    }
}
