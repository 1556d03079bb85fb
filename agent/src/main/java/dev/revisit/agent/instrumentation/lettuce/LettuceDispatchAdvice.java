package dev.revisit.agent.instrumentation.lettuce;

import dev.revisit.agent.bootstrap.cache.RedisHook;
import io.lettuce.core.protocol.RedisCommand;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code RedisChannelHandler.dispatch(command)}, on the calling thread: the only place that
 * knows whether a read was sent from inside a named cache layer (the reply arrives on the I/O
 * thread), so the layer and Redis do not both count it.
 */
public final class LettuceDispatchAdvice {
    private LettuceDispatchAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object dispatched) {
        RedisHook hook = RedisHook.get();
        RedisCommand<?, ?, ?> command = (RedisCommand<?, ?, ?>) dispatched;
        if (hook.readKind(command.getType()) != RedisHook.NOT_A_READ) {
            hook.dispatched(command.getArgs());
        }
    }
}
