package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.testapp.http.SecuredShop;

/**
 * Spring Security 7 on Spring MVC 7 and Tomcat 11 (the test class path), with opaque tokens
 * checked by Spring's introspector against a local RFC 7662 endpoint besides JWTs and form login.
 */
class SpringSecurityServletIT extends SecuredShopChecks {

    @Override
    AgentHarness.Builder shop() {
        return AgentHarness.builder(SecuredShop.class);
    }

    @Override
    String servletNamespace() {
        return "jakarta.servlet";
    }

    @Override
    String introspector() {
        return "spring";
    }
}
