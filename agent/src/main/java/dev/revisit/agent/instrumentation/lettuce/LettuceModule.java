package dev.revisit.agent.instrumentation.lettuce;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.cache.RedisReads;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Lettuce (tested with 7.7.0): reads ({@code GET}, {@code GETEX}, {@code GETDEL},
 * {@code HGET}, {@code MGET} and {@code HMGET} per key or field) of the sync, async and reactive
 * APIs as cache hits and misses, named by the key's prefix. Replies are seen where the
 * {@code CommandHandler} completes a command; sends, to know whether a named cache layer made them.
 */
public final class LettuceModule implements InstrumentationModule {
    private static final String COMMAND = "io.lettuce.core.protocol.RedisCommand";

    @Override
    public String name() {
        return "lettuce";
    }

    @Override
    public void start(ModuleContext context) {
        RedisReads.install(context).firstKeysFrom(new LettuceKeys());
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(named("io.lettuce.core.protocol.CommandHandler"),
                        named("complete").and(takesArguments(1)).and(takesArgument(0, named(COMMAND))),
                        LettuceCompleteAdvice.class)
                .type(named("io.lettuce.core.RedisChannelHandler"),
                        named("dispatch").and(takesArguments(1)).and(takesArgument(0, named(COMMAND))),
                        LettuceDispatchAdvice.class);
    }
}
