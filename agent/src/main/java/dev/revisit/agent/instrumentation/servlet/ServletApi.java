package dev.revisit.agent.instrumentation.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One Servlet API namespace ({@code jakarta.servlet} or {@code javax.servlet}) as loaded by one
 * class loader, read through method handles: the agent's own class loader sees neither, and
 * advice that named their types would need a copy per namespace. Found per request class through
 * a {@link ClassValue}, whose values live with the class: an undeployed web application's
 * classes are not kept alive by the agent.
 */
final class ServletApi {
    static final ServletApi NONE = new ServletApi();
    private static final String[] NAMESPACES = {"jakarta.servlet", "javax.servlet"};
    private static final MethodType STRING = MethodType.methodType(String.class, Object.class);
    private static final MethodType OBJECT = MethodType.methodType(Object.class, Object.class);

    /** Keyed by the namespace's {@code HttpServletRequest}: one instance per loaded API. */
    private static final ClassValue<ServletApi> BY_API = new ClassValue<>() {
        @Override
        protected ServletApi computeValue(Class<?> httpRequest) {
            try {
                return new ServletApi(httpRequest);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return NONE; // an API too old or incomplete (no getStatus: before Servlet 3.0)
            }
        }
    };

    /** Keyed by a request's, response's or async context's own class. */
    private static final ClassValue<ServletApi> BY_CLASS = new ClassValue<>() {
        @Override
        protected ServletApi computeValue(Class<?> type) {
            return find(type);
        }
    };

    final boolean known;
    private final Class<?> httpResponse;
    private final Class<?> wrapper;
    private final MethodHandle method;
    private final MethodHandle scheme;
    private final MethodHandle attribute;
    private final MethodHandle uri;
    private final MethodHandle header;
    private final MethodHandle asyncStarted;
    private final MethodHandle mapping;
    private final MethodHandle pattern;
    private final MethodHandle status;
    private final MethodHandle unwrap;
    private final MethodHandle asyncRequest;
    private final MethodHandle asyncResponse;
    private final MethodHandle servletPath;
    private final MethodHandle pathInfo;
    private final MethodHandle servletContext;
    private final MethodHandle registrations;
    private final MethodHandle registrationMappings;
    private final MethodHandle dispatcherType;
    private final Object errorDispatch;
    private final Object requestDispatch;

    private ServletApi() {
        known = false;
        httpResponse = wrapper = null;
        method = scheme = attribute = uri = header = asyncStarted = mapping = pattern = status = unwrap = null;
        asyncRequest = asyncResponse = servletPath = pathInfo = servletContext = registrations = registrationMappings = null;
        dispatcherType = null;
        errorDispatch = requestDispatch = null;
    }

    private ServletApi(Class<?> request) throws ReflectiveOperationException {
        String ns = request.getPackageName().substring(0, request.getPackageName().length() - ".http".length());
        ClassLoader loader = request.getClassLoader();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        httpResponse = Class.forName(ns + ".http.HttpServletResponse", false, loader);
        wrapper = Class.forName(ns + ".ServletRequestWrapper", false, loader);
        Class<?> async = Class.forName(ns + ".AsyncContext", false, loader);
        method = getter(lookup, request, "getMethod", String.class, STRING);
        scheme = getter(lookup, request, "getScheme", String.class, STRING);
        uri = getter(lookup, request, "getRequestURI", String.class, STRING);
        attribute = lookup.findVirtual(request, "getAttribute", MethodType.methodType(Object.class, String.class))
                .asType(MethodType.methodType(Object.class, Object.class, String.class));
        header = lookup.findVirtual(request, "getHeader", MethodType.methodType(String.class, String.class))
                .asType(MethodType.methodType(String.class, Object.class, String.class));
        asyncStarted = getter(lookup, request, "isAsyncStarted", boolean.class, MethodType.methodType(boolean.class, Object.class));
        status = getter(lookup, httpResponse, "getStatus", int.class, MethodType.methodType(int.class, Object.class));
        unwrap = getter(lookup, wrapper, "getRequest", Class.forName(ns + ".ServletRequest", false, loader), OBJECT);
        asyncRequest = getter(lookup, async, "getRequest", Class.forName(ns + ".ServletRequest", false, loader), OBJECT);
        asyncResponse = getter(lookup, async, "getResponse", Class.forName(ns + ".ServletResponse", false, loader), OBJECT);
        // Servlet 3.0: what the route falls back to where the request cannot name its mapping (before 4.0)
        servletPath = getter(lookup, request, "getServletPath", String.class, STRING);
        pathInfo = getter(lookup, request, "getPathInfo", String.class, STRING);
        Class<?> context = Class.forName(ns + ".ServletContext", false, loader);
        servletContext = getter(lookup, request, "getServletContext", context, OBJECT);
        registrations = getter(lookup, context, "getServletRegistrations", Map.class, OBJECT);
        registrationMappings = getter(lookup, Class.forName(ns + ".ServletRegistration", false, loader), "getMappings",
                Collection.class, OBJECT);
        Class<?> dispatcherTypes = Class.forName(ns + ".DispatcherType", false, loader);
        dispatcherType = getter(lookup, request, "getDispatcherType", dispatcherTypes, OBJECT);
        errorDispatch = constant(dispatcherTypes, "ERROR");
        requestDispatch = constant(dispatcherTypes, "REQUEST");
        MethodHandle servletMapping = null;
        MethodHandle mappingPattern = null;
        try { // Servlet 4.0 and later; before it, MappingRoutes finds the pattern among the registered ones
            Class<?> mappingType = Class.forName(ns + ".http.HttpServletMapping", false, loader);
            servletMapping = getter(lookup, request, "getHttpServletMapping", mappingType, OBJECT);
            mappingPattern = getter(lookup, mappingType, "getPattern", String.class, STRING);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            // stays null
        }
        mapping = servletMapping;
        pattern = mappingPattern;
        known = true;
    }

    /** The API that {@code value}'s class belongs to, or {@link #NONE}. */
    static ServletApi of(Object value) {
        return value == null ? NONE : BY_CLASS.get(value.getClass());
    }

    private static ServletApi find(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        for (String ns : NAMESPACES) {
            try {
                Class<?> request = Class.forName(ns + ".http.HttpServletRequest", false, loader);
                if (request.isAssignableFrom(type) || Class.forName(ns + ".AsyncContext", false, loader).isAssignableFrom(type)) {
                    return BY_API.get(request);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not this namespace
            }
        }
        return NONE;
    }

    private static Object constant(Class<?> enumType, String name) throws ReflectiveOperationException {
        for (Object constant : enumType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        throw new NoSuchFieldException(enumType.getName() + "." + name);
    }

    private static MethodHandle getter(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> returns, MethodType as)
            throws ReflectiveOperationException {
        return lookup.findVirtual(owner, name, MethodType.methodType(returns)).asType(as);
    }

    String method(Object request) throws Throwable {
        return (String) method.invokeExact(request);
    }

    String scheme(Object request) throws Throwable {
        return (String) scheme.invokeExact(request);
    }

    Object attribute(Object request, String name) throws Throwable {
        return (Object) attribute.invokeExact(request, name);
    }

    String uri(Object request) throws Throwable {
        return (String) uri.invokeExact(request);
    }

    String header(Object request, String name) throws Throwable {
        return (String) header.invokeExact(request, name);
    }

    boolean asyncStarted(Object request) throws Throwable {
        return (boolean) asyncStarted.invokeExact(request);
    }

    /**
     * The servlet mapping's pattern ({@code /}, {@code /raw/*}), or null before Servlet 4.0; empty on a container
     * older than the API jar it runs with (the 4.0 API's default method answers {@code ""}).
     */
    String mappingPattern(Object request) throws Throwable {
        if (mapping == null) {
            return null;
        }
        Object m = (Object) mapping.invokeExact(request);
        return m == null ? null : (String) pattern.invokeExact(m);
    }

    String servletPath(Object request) throws Throwable {
        return (String) servletPath.invokeExact(request);
    }

    String pathInfo(Object request) throws Throwable {
        return (String) pathInfo.invokeExact(request);
    }

    Object servletContext(Object request) throws Throwable {
        return (Object) servletContext.invokeExact(request);
    }

    /** Every URL pattern registered for a servlet of this servlet context, at most {@code max}. */
    List<String> registeredMappings(Object context, int max) throws Throwable {
        List<String> all = new ArrayList<>();
        for (Object registration : ((Map<?, ?>) (Object) registrations.invokeExact(context)).values()) {
            for (Object mapping : (Collection<?>) (Object) registrationMappings.invokeExact(registration)) {
                if (mapping instanceof String text && all.size() < max) {
                    all.add(text);
                }
            }
        }
        return all;
    }

    /** The request's {@code DispatcherType}: which of its dispatches the container is in. */
    Object dispatcherType(Object request) throws Throwable {
        return (Object) dispatcherType.invokeExact(request);
    }

    /** True for the container's dispatch to an error page: after the request's own dispatch returned. */
    boolean errorDispatch(Object dispatcherType) {
        return dispatcherType == errorDispatch;
    }

    /** True for a request's first dispatch; false for a later one (async, error page) of a request already seen. */
    boolean firstDispatch(Object dispatcherType) {
        return dispatcherType == requestDispatch;
    }

    /** The status of an HTTP response, 0 for anything else. */
    int status(Object response) throws Throwable {
        return httpResponse.isInstance(response) ? (int) status.invokeExact(response) : 0;
    }

    /** The container's own request inside any wrappers: frameworks wrap it, and each dispatch may wrap it anew. */
    Object unwrap(Object request) throws Throwable {
        Object key = request;
        while (wrapper.isInstance(key)) {
            key = (Object) unwrap.invokeExact(key);
        }
        return key;
    }

    Object asyncRequest(Object context) throws Throwable {
        return (Object) asyncRequest.invokeExact(context);
    }

    Object asyncResponse(Object context) throws Throwable {
        return (Object) asyncResponse.invokeExact(context);
    }
}
