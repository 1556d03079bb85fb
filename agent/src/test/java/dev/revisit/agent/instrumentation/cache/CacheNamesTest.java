package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheNamesTest {

    @Test
    void derivedNamesAreSimpleClassAndMethod() {
        assertEquals("ProductCatalog", CacheNames.simpleName("com.shop.ProductCatalog"));
        assertEquals("CacheConfig", CacheNames.simpleName("com.shop.CacheConfig$$SpringCGLIB$$0"));
        assertEquals("Outer$Inner", CacheNames.simpleName("com.shop.Outer$Inner"));
        assertEquals("new", CacheNames.methodName("<init>"));
        assertEquals("static", CacheNames.methodName("<clinit>"));
        assertEquals("load", CacheNames.methodName("lambda$load$3"));
        assertEquals("products", CacheNames.methodName("products"));
    }

    @Test
    void libraryAndJdkFramesAreNotTheApplication() {
        assertFalse(CacheNames.isApplication("com.github.benmanes.caffeine.cache.Caffeine"));
        assertFalse(CacheNames.isApplication("com.google.common.cache.CacheBuilder"));
        assertFalse(CacheNames.isApplication("org.springframework.beans.factory.support.SimpleInstantiationStrategy"));
        assertFalse(CacheNames.isApplication("java.lang.reflect.Method"));
        assertTrue(CacheNames.isApplication("com.shop.ProductCatalog"));
    }

    @Test
    void renamesApplyToDerivedAndOwnNames() {
        CacheNames names = new CacheNames(CacheNames.parseRenames(" ProductCatalog.new = products ,orders-v2=orders,"));
        assertEquals("products", names.renamed("ProductCatalog.new"));
        assertEquals("orders", names.renamed("orders-v2"));
        assertEquals("other", names.renamed("other"));
    }

    @Test
    void aMalformedRenameIsAConfigurationErrorNamingTheSetting() {
        ConfigException missingTarget = assertThrows(ConfigException.class, () -> CacheNames.parseRenames("ProductCatalog.new="));
        assertTrue(missingTarget.getMessage().contains("revisit.cache.names"), missingTarget.getMessage());
        assertThrows(ConfigException.class, () -> CacheNames.parseRenames("products"));
        assertThrows(ConfigException.class, () -> CacheNames.parseRenames("=products"));
    }
}
