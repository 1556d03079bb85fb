package dev.revisit.agent.instrumentation.jedis;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.cache.RedisReads;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Jedis (the code path exists since Jedis 4; tested with 8.0.2): reads ({@code GET}, {@code GETEX}, {@code GETDEL},
 * {@code HGET}, {@code MGET} and {@code HMGET} per key or field) as cache hits and misses, named
 * by the key's prefix. One choke point: {@code Connection.executeCommand(CommandObject)}.
 */
public final class JedisModule implements InstrumentationModule {

    @Override
    public String name() {
        return "jedis";
    }

    @Override
    public void start(ModuleContext context) {
        RedisReads.install(context);
    }

    @Override
    public void transform(Transforms transforms) {
        transforms.type(named("redis.clients.jedis.Connection"),
                named("executeCommand").and(takesArguments(1)).and(takesArgument(0, named("redis.clients.jedis.CommandObject"))),
                JedisReplyAdvice.class);
    }
}
