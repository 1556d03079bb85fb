package dev.revisit.agent.instrumentation.servlet;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The Servlet 3.x route fallback: the registered pattern a container's match came from, told from the
 * servlet path and path info it set (values as the Servlet specification's mapping examples give them).
 */
class RegisteredMappingsTest {
    private final RegisteredMappings mappings = new RegisteredMappings(List.of("/", "/raw/*", "/catalog", "*.bop", "/a/b/*"));

    @Test
    void aPathPatternIsFoundByItsPrefixWithOrWithoutPathInfo() {
        assertEquals("/raw/*", mappings.match("/raw", "/hang"));
        assertEquals("/raw/*", mappings.match("/raw", null));
        assertEquals("/a/b/*", mappings.match("/a/b", "/c/d"));
    }

    @Test
    void exactAndExtensionMatchesAreTheirPattern() {
        assertEquals("/catalog", mappings.match("/catalog", null));
        assertEquals("*.bop", mappings.match("/catalog/index.bop", null));
    }

    @Test
    void anythingElseIsTheDefaultServletsNeverThePath() {
        assertEquals("/", mappings.match("/api/v1/orders/42", null));
        assertEquals("/", mappings.match("/catalog/racecar", null));
    }

    @Test
    void theWholeContextWildcardHasAnEmptyServletPath() {
        RegisteredMappings everything = new RegisteredMappings(List.of("/*"));
        assertEquals("/*", everything.match("", "/anything/at/all"));
        assertNull(everything.match("/anything", null), "no default servlet registered: no route rather than the path");
    }

    @Test
    void aMatchThePatternsCannotExplainHasNoRoute() {
        assertNull(mappings.match("/unregistered", "/x"));
        assertNull(mappings.match(null, null));
        assertNull(RegisteredMappings.NONE.match("/raw", "/x"));
    }

    @Test
    void theAnswerIsTheRegisteredInstanceSoMatchingAllocatesNothing() {
        String registered = "/raw/*";
        RegisteredMappings one = new RegisteredMappings(List.of(registered));
        assertSame(registered, one.match(new String("/raw"), "/x"));
    }
}
