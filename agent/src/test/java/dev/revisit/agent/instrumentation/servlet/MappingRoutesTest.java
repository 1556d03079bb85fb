package dev.revisit.agent.instrumentation.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The fallback route read through {@link ServletApi}: the request's own mapping where it names one,
 * else the registered pattern its servlet path and path info come from, registrations read once per
 * servlet context. (Jetty 9.4 in {@code ServletContainersIT} shows it on a real Servlet 3.1 container.)
 */
class MappingRoutesTest {
    private final AtomicInteger listed = new AtomicInteger();
    private final ServletContext context = context(Map.of("dispatcher", List.of("/"), "raw", List.of("/raw/*", "/status")));
    private final MappingRoutes routes = new MappingRoutes();

    @Test
    void aRequestWithoutMappingIsRoutedByTheRegisteredPatternItMatched() throws Throwable {
        assertEquals("/raw/*", route(null, "/raw", "/hang"));
        assertEquals("/status", route(null, "/status", null));
        assertEquals("/", route(null, "/api/v1/orders/42", null));
        assertEquals(1, listed.get(), "the registrations are read once per servlet context");
    }

    @Test
    void theRequestsOwnMappingWinsAndAnEmptyOneFallsBack() throws Throwable {
        assertEquals("/raw/*", route("/raw/*", "/ignored", null));
        assertEquals(0, listed.get());
        // A Servlet 4.0 API jar on a 3.x container: the interface's default method answers "".
        assertEquals("/", route("", "/api/v1/orders/42", null));
    }

    @Test
    void aContextThatWillNotListItsServletsGivesNoRouteAndIsAskedOnce() throws Throwable {
        ServletContext refusing = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> {
                    listed.incrementAndGet();
                    throw new UnsupportedOperationException("not from this listener");
                });
        HttpServletRequest request = request(null, "/api/v1/orders/42", null, refusing);
        assertNull(routes.route(ServletApi.of(request), request));
        assertNull(routes.route(ServletApi.of(request), request));
        assertEquals(1, listed.get());
    }

    private String route(String pattern, String servletPath, String pathInfo) throws Throwable {
        HttpServletRequest request = request(pattern, servletPath, pathInfo, context);
        return routes.route(ServletApi.of(request), request);
    }

    private HttpServletRequest request(String pattern, String servletPath, String pathInfo, ServletContext servletContext) {
        HttpServletMapping mapping = pattern == null ? null : (HttpServletMapping) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletMapping.class}, (proxy, method, args) -> method.getName().equals("getPattern") ? pattern : null);
        Map<String, Object> answers = new HashMap<>(Map.of("getServletPath", servletPath, "getServletContext", servletContext));
        answers.put("getPathInfo", pathInfo);
        answers.put("getHttpServletMapping", mapping);
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> answers.get(method.getName()));
    }

    private ServletContext context(Map<String, List<String>> mappings) {
        Map<String, ServletRegistration> registrations = new HashMap<>();
        mappings.forEach((name, patterns) -> registrations.put(name, (ServletRegistration) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServletRegistration.class},
                (proxy, method, args) -> method.getName().equals("getMappings") ? patterns : null)));
        return (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getServletRegistrations")) {
                        listed.incrementAndGet();
                        return registrations;
                    }
                    return null;
                });
    }
}
