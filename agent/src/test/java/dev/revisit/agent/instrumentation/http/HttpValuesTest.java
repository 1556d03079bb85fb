package dev.revisit.agent.instrumentation.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class HttpValuesTest {

    @Test
    void versionIsTheFirstShortVSegment() {
        assertEquals("v1", HttpValues.versionFromPath("/api/v1/orders/{id}"));
        assertEquals("v2", HttpValues.versionFromPath("/v2"));
        assertEquals("v12", HttpValues.versionFromPath("/v12/x/v3/"));
        assertSame(HttpValues.versionFromPath("/v7/a"), HttpValues.versionFromPath("/b/v7"), "cached, not allocated");
        assertNull(HttpValues.versionFromPath("/api/videos/1"));
        assertNull(HttpValues.versionFromPath("/api/v/1"));
        assertNull(HttpValues.versionFromPath("/api/v100/1"), "three digits is an id, not a version");
        assertNull(HttpValues.versionFromPath("/api/v1beta/1"));
        assertNull(HttpValues.versionFromPath(null));
    }

    @Test
    void headerVersionIsKeptOnlyWhenItLooksLikeOne() {
        assertEquals("2024-10-01", HttpValues.versionFromHeader("2024-10-01"));
        assertEquals("v2.1", HttpValues.versionFromHeader("v2.1"));
        assertEquals("other", HttpValues.versionFromHeader("../../etc/passwd"));
        assertEquals("other", HttpValues.versionFromHeader("x".repeat(33)));
        assertEquals("other", HttpValues.versionFromHeader("vé"));
        assertNull(HttpValues.versionFromHeader(""));
    }

    @Test
    void methodsAndStatusesStayInAFixedSet() {
        assertEquals("GET", HttpValues.method("GET"));
        assertEquals("_OTHER", HttpValues.method("get"));
        assertEquals("_OTHER", HttpValues.method("PROPFIND"));
        assertEquals("_OTHER", HttpValues.method(null));
        assertEquals("404", HttpValues.status(404));
        assertSame(HttpValues.status(200), HttpValues.status(200));
        assertNull(HttpValues.status(-1), "no response sent");
        assertNull(HttpValues.status(600));
    }
}
