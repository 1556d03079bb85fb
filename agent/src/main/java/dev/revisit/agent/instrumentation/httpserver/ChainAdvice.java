package dev.revisit.agent.instrumentation.httpserver;

import dev.revisit.agent.bootstrap.http.HttpServerHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** On {@code com.sun.net.httpserver.Filter.Chain.doFilter(HttpExchange)}: the outermost call is the request. */
public final class ChainAdvice {
    private ChainAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object exchange) {
        return HttpServerHook.get().enterExchange(exchange);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object exchange,
                     @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        if (start == 0L) {
            HttpServerHook.get().exitNested();
        } else {
            HttpServerHook.get().exitExchange(exchange, start, thrown);
        }
    }
}
