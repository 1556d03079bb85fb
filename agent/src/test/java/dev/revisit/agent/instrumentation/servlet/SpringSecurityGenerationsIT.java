package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.testing.AgentHarness;
import org.junit.jupiter.api.Nested;

/**
 * The same Spring Security test program, compiled against and run on older library generations
 * (sets that agent/pom.xml copies): what {@link SpringSecurityServletIT} checks on 7.x must hold
 * on each.
 */
class SpringSecurityGenerationsIT {

    /** Spring Security 5.8 on Spring 5.3 and Tomcat 9: the javax Servlet API. */
    @Nested
    class SpringSecurity58OnJavaxServlet extends SecuredShopChecks {
        @Override
        AgentHarness.Builder shop() {
            return ShopPrograms.onTomcat("spring5", "revisit.spring5.libs", true);
        }

        @Override
        String servletNamespace() {
            return "javax.servlet";
        }

        @Override
        String thrownType() {
            return "org.springframework.web.util.NestedServletException"; // Spring 5.3 wraps; 6.0 stopped
        }
    }

    /** Spring Security 6.5 on Spring 6.2 and Tomcat 10.1, with an observation registry configured. */
    @Nested
    class SpringSecurity65Observed extends SecuredShopChecks {
        @Override
        AgentHarness.Builder shop() {
            return ShopPrograms.onTomcat("spring6", "revisit.spring6.libs", false, "dev/revisit/testapp/http/ObservedShopConfig.java")
                    .jvmArg("-Dshop.observed=true");
        }

        @Override
        String servletNamespace() {
            return "jakarta.servlet";
        }
    }
}
