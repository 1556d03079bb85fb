package dev.revisit.agent.instrumentation.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a request through {@link ServletApi}: found by the object's own class, through any
 * wrappers, and nothing for objects of no Servlet API. (The javax namespace is read the same
 * way; the Spring Security 5.8 run on Tomcat 9 shows it end to end.)
 */
class ServletApiTest {

    @Test
    void readsAJakartaRequestAndResponse() throws Throwable {
        Object request = request(Map.of("getMethod", "PATCH", "getScheme", "https", "getRequestURI", "/api/v3/x/1",
                "getAttribute", "/api/v3/x/{id}", "isAsyncStarted", true));
        ServletApi api = ServletApi.of(request);
        assertTrue(api.known);
        assertEquals("PATCH", api.method(request));
        assertEquals("https", api.scheme(request));
        assertEquals("/api/v3/x/1", api.uri(request));
        assertEquals("/api/v3/x/{id}", api.attribute(request, ServletReader.SPRING_ROUTE));
        assertTrue(api.asyncStarted(request));
        assertNull(api.mappingPattern(request), "a request without a mapping has no fallback route");

        Object response = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> method.getName().equals("getStatus") ? 404 : null);
        assertEquals(404, api.status(response));
        assertEquals(0, api.status("not a response"));
    }

    @Test
    void theKeyIsTheContainersOwnRequestInsideAnyWrappers() throws Throwable {
        Object request = request(Map.of("getMethod", "GET"));
        Object wrapped = new HttpServletRequestWrapper(new HttpServletRequestWrapper((HttpServletRequest) request));
        ServletApi api = ServletApi.of(wrapped);
        assertSame(ServletApi.of(request), api, "one reader per loaded API");
        assertSame(request, api.unwrap(wrapped));
        assertEquals("GET", api.method(wrapped));
    }

    @Test
    void objectsOfNoServletApiAreNotRead() {
        assertFalse(ServletApi.of(new Object()).known);
        assertFalse(ServletApi.of("GET /").known);
        assertFalse(ServletApi.of(null).known);
    }

    @Test
    void aThrowingGetterPropagatesToTheReader() {
        Object request = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                    throw new IllegalStateException("recycled request");
                });
        // ServletReader catches this: the thread's request state is reset before the reading starts.
        assertThrows(IllegalStateException.class, () -> ServletApi.of(request).method(request));
    }

    private Object request(Map<String, Object> answers) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> answers.get(method.getName()));
    }
}
