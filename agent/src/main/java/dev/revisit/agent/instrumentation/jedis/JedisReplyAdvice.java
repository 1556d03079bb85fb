package dev.revisit.agent.instrumentation.jedis;

import dev.revisit.agent.bootstrap.cache.RedisHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;

import java.util.List;

/**
 * On {@code Connection.executeCommand(CommandObject)}, which every {@code Jedis},
 * {@code JedisPooled}, {@code UnifiedJedis} and cluster command goes through, after a reply
 * (an error reply throws and counts nothing). Inlined into Jedis, where its types are visible:
 * the keys are the encoded arguments Jedis already holds, so nothing is allocated or decoded.
 */
public final class JedisReplyAdvice {
    private JedisReplyAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object command,
                     @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object reply) {
        RedisHook hook = RedisHook.get();
        CommandArguments args = ((CommandObject<?>) command).getArguments();
        int kind = hook.readKind(args.getCommand());
        if (kind == RedisHook.NOT_A_READ || !hook.countsOnThisThread()) {
            return;
        }
        if (kind == RedisHook.ONE_KEY) {
            hook.read(args.get(1).getRaw(), reply != null);
        } else if (reply instanceof List<?> values) {
            // MGET k1..kn or HMGET key f1..fn: one reply element per key or field.
            int first = kind == RedisHook.EACH_KEY ? 1 : 2;
            if (values.size() == args.size() - first) {
                for (int i = 0; i < values.size(); i++) {
                    hook.read(args.get(kind == RedisHook.EACH_KEY ? first + i : 1).getRaw(), values.get(i) != null);
                }
            }
        }
    }
}
