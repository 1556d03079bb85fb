package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.testing.AgentHarness;
import org.junit.jupiter.api.Nested;

/**
 * The Spring Security test program on the other servlet containers (their jars in place of the Spring
 * set's Tomcat, sets that agent/pom.xml copies): what {@link SpringSecurityServletIT} checks on Tomcat
 * must hold on each. Opaque tokens go through Nimbus' introspector, which Spring Security 5.8 and 6.5 have.
 */
class ServletContainersIT {

    /** Jetty 12's ee10 environment (Jakarta Servlet 6.0) with Spring Security 6.5 on Spring 6.2. */
    @Nested
    class Jetty12 extends SecuredShopChecks {
        @Override
        AgentHarness.Builder shop() {
            return ShopPrograms.onContainer("jetty12", "revisit.spring6.libs", "revisit.jetty12.libs", "Jetty", false,
                    "dev/revisit/testapp/http/IntrospectedShopConfig.java", "dev/revisit/testapp/http/NimbusIntrospectedShopConfig.java");
        }

        @Override
        String servletNamespace() {
            return "jakarta.servlet";
        }

        @Override
        String introspector() {
            return "nimbus";
        }
    }

    /** Undertow 2.3 (Jakarta Servlet 6.0) with Spring Security 6.5 on Spring 6.2. */
    @Nested
    class Undertow23 extends SecuredShopChecks {
        @Override
        AgentHarness.Builder shop() {
            return ShopPrograms.onContainer("undertow", "revisit.spring6.libs", "revisit.undertow.libs", "Undertow", false);
        }

        @Override
        String servletNamespace() {
            return "jakarta.servlet";
        }
    }

    /**
     * Jetty 9.4, javax Servlet 3.1 (no {@code HttpServletMapping}: the route falls back to the servlet's registered
     * mapping), with Spring Security 5.8 on Spring 5.3.
     */
    @Nested
    class Jetty94OnServlet31 extends SecuredShopChecks {
        @Override
        AgentHarness.Builder shop() {
            return ShopPrograms.onContainer("jetty9", "revisit.spring5.libs", "revisit.jetty9.libs", "Jetty9", true,
                    "dev/revisit/testapp/http/IntrospectedShopConfig.java", "dev/revisit/testapp/http/NimbusIntrospectedShopConfig.java");
        }

        @Override
        String servletNamespace() {
            return "javax.servlet";
        }

        @Override
        String thrownType() {
            return "org.springframework.web.util.NestedServletException";
        }

        @Override
        String introspector() {
            return "nimbus";
        }
    }
}
