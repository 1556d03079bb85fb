package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.identity.WeakIdentityMap;

/**
 * The fallback route of a request that no framework gave a template: the pattern of the servlet mapping it
 * matched, never its path. Servlet 4.0 and later name it ({@code getHttpServletMapping()}); before them
 * (Jetty 9.4, Tomcat 8.5) it is found among the application's registered patterns ({@link RegisteredMappings}),
 * read once per servlet context and remembered weakly, so an undeployed application is not kept alive.
 */
final class MappingRoutes {
    /** Web applications remembered; past it, each request reads its application's patterns anew. */
    private static final int MAX_CONTEXTS = 256;
    private static final int MAX_PATTERNS = 1_000;

    private final WeakIdentityMap<RegisteredMappings> contexts = new WeakIdentityMap<>(MAX_CONTEXTS);

    /** @return the matched mapping's pattern, or null when neither the request nor the registrations tell it */
    String route(ServletApi api, Object request) throws Throwable {
        String pattern = api.mappingPattern(request);
        if (pattern != null && !pattern.isEmpty()) {
            return pattern;
        }
        Object context = api.servletContext(request);
        if (context == null) {
            return pattern;
        }
        RegisteredMappings mappings = contexts.get(context);
        if (mappings == null) {
            mappings = read(api, context);
            contexts.put(context, mappings);
        }
        String matched = mappings.match(api.servletPath(request), api.pathInfo(request));
        return matched != null ? matched : pattern;
    }

    private static RegisteredMappings read(ServletApi api, Object context) {
        try {
            return new RegisteredMappings(api.registeredMappings(context, MAX_PATTERNS));
        } catch (Throwable e) {
            return RegisteredMappings.NONE; // a context that will not list its servlets: no fallback, asked once
        }
    }
}
