package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.bootstrap.http.HttpServerHook;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code Servlet.service}, {@code Filter.doFilter} and {@code FilterChain.doFilter} of the
 * Jakarta Servlet API: the outermost call on a thread is the request. Inlined into the
 * container's and the application's classes, where the Servlet API is visible, so it reads
 * the request here and hands the hook plain values.
 */
public final class ServiceAdvice {
    /** Spring MVC's {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}: the route template. */
    public static final String SPRING_ROUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    private ServiceAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
        return HttpServerHook.get().enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object request,
                     @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object response,
                     @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        HttpServerHook hook = HttpServerHook.get();
        if (start == 0L) {
            hook.exitNested();
        } else if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse res) {
            String header = hook.versionHeader();
            HttpServletMapping mapping = req.getHttpServletMapping();
            // An async request is known by the container's own request object: frameworks wrap it,
            // and a later dispatch may come with another wrapper.
            // Object, not ServletRequest: assigning between Servlet types makes the verifier load them,
            // and this class is linked in the agent even where no Servlet API exists.
            Object key = req;
            while (key instanceof ServletRequestWrapper) {
                key = ((ServletRequestWrapper) key).getRequest();
            }
            hook.exitServlet(start, key, req.getMethod(), req.getScheme(), res.getStatus(), req.getAttribute(SPRING_ROUTE),
                    mapping == null ? null : mapping.getPattern(), req.getRequestURI(),
                    header == null ? null : req.getHeader(header), req.isAsyncStarted(), thrown);
        } else {
            hook.exitServlet(start, request, null, null, 0, null, null, null, null, false, thrown);
        }
    }
}
