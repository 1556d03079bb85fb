package dev.revisit.agent.instrumentation.lettuce;

import dev.revisit.agent.bootstrap.cache.RedisHook;
import io.lettuce.core.KeyValue;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandWrapper;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.protocol.TransactionalCommand;
import io.lettuce.core.output.CommandOutput;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

import java.util.List;

/**
 * On {@code CommandHandler.complete(command)}, where every reply of every API (sync, async,
 * reactive) is handed to its command, on the I/O thread, before the application sees it.
 * An error reply ({@code WRONGTYPE}) counts nothing; neither does the {@code QUEUED} a command
 * inside {@code MULTI} gets. Inlined into Lettuce, where its types are visible.
 */
public final class LettuceCompleteAdvice {
    private LettuceCompleteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object completed) {
        RedisHook hook = RedisHook.get();
        RedisCommand<?, ?, ?> command = (RedisCommand<?, ?, ?>) completed;
        int kind = hook.readKind(command.getType());
        if (kind == RedisHook.NOT_A_READ) {
            return;
        }
        CommandOutput<?, ?, ?> output = command.getOutput();
        CommandArgs<?, ?> args = command.getArgs();
        if (output == null || output.hasError() || CommandWrapper.unwrap(command, TransactionalCommand.class) != null || !hook.counts(args)) {
            return;
        }
        Object reply = output.get();
        if (kind == RedisHook.ONE_KEY) {
            hook.read(hook.firstKey(args), reply != null);
        } else if (reply instanceof List<?> values) {
            // KeyValue per key (MGET) or per field of the one key (HMGET); a reactive caller was
            // handed them one by one instead and the list is empty.
            Object hashKey = kind == RedisHook.EACH_FIELD ? hook.firstKey(args) : null;
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof KeyValue<?, ?> value) {
                    hook.read(hashKey != null ? hashKey : value.getKey(), value.hasValue());
                }
            }
        }
    }
}
