package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.bootstrap.http.HttpServerHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code Servlet.service}, {@code Filter.doFilter} and {@code FilterChain.doFilter} of both
 * Servlet API namespaces ({@code jakarta.servlet}, {@code javax.servlet}): the outermost call on
 * a thread is the request. It names no Servlet type, so one advice serves both and links where
 * neither exists; the hook reads the request through {@link ServletApi}.
 */
public final class ServiceAdvice {
    private ServiceAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        return HttpServerHook.get().enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object request,
                     @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object response,
                     @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        if (start == 0L) {
            HttpServerHook.get().exitNested();
        } else {
            HttpServerHook.get().exitServlet(start, request, response, thrown);
        }
    }
}
