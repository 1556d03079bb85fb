package dev.revisit.agent.instrumentation.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Jetty 12's {@code ServletChannel} (ee10, ee11) read through method handles: the Servlet API request and response
 * of the request it completes. Found per channel class through a {@link ClassValue}, so nothing here keeps a web
 * server's classes alive.
 */
final class JettyChannel {
    static final JettyChannel NONE = new JettyChannel(null, null, null);
    private static final MethodType OBJECT = MethodType.methodType(Object.class, Object.class);

    private static final ClassValue<JettyChannel> BY_CLASS = new ClassValue<>() {
        @Override
        protected JettyChannel computeValue(Class<?> channel) {
            try {
                MethodHandle contextRequest = getter(channel, "getServletContextRequest");
                Class<?> requestType = channel.getMethod("getServletContextRequest").getReturnType();
                return new JettyChannel(contextRequest, getter(requestType, "getServletApiRequest"),
                        getter(requestType, "getHttpServletResponse"));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return NONE; // another Jetty than the one read here
            }
        }
    };

    private final MethodHandle contextRequest;
    private final MethodHandle request;
    private final MethodHandle response;

    private JettyChannel(MethodHandle contextRequest, MethodHandle request, MethodHandle response) {
        this.contextRequest = contextRequest;
        this.request = request;
        this.response = response;
    }

    static JettyChannel of(Object channel) {
        return BY_CLASS.get(channel.getClass());
    }

    boolean known() {
        return contextRequest != null;
    }

    /** The channel's request as servlets and filters saw it, or null between requests. */
    Object request(Object channel) throws Throwable {
        Object current = (Object) contextRequest.invokeExact(channel);
        return current == null ? null : (Object) request.invokeExact(current);
    }

    /** The channel's response as servlets and filters saw it, or null between requests. */
    Object response(Object channel) throws Throwable {
        Object current = (Object) contextRequest.invokeExact(channel);
        return current == null ? null : (Object) response.invokeExact(current);
    }

    private static MethodHandle getter(Class<?> owner, String name) throws ReflectiveOperationException {
        return MethodHandles.publicLookup().unreflect(owner.getMethod(name)).asType(OBJECT);
    }
}
