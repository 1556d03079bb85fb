package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.ProgramCompiler;
import dev.revisit.testapp.http.SecuredShop;
import org.junit.jupiter.api.Nested;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same Spring Security test program, compiled against and run on older library generations
 * (sets that agent/pom.xml copies): what {@link SpringSecurityServletIT} checks on 7.x must hold
 * on each.
 */
class SpringSecurityGenerationsIT {
    private static final String[] PROGRAM = {
        "dev/revisit/testapp/http/SecuredShop.java", "dev/revisit/testapp/http/SecuredShopConfig.java",
        "dev/revisit/testapp/http/ShopController.java", "dev/revisit/testapp/http/SleepingJwtDecoder.java",
        "dev/revisit/testapp/http/SleepingPasswordEncoder.java", "dev/revisit/testapp/http/HangingServlet.java",
        "dev/revisit/testapp/http/IntrospectionEndpoint.java",
    };

    /** Spring Security 5.8 on Spring 5.3 and Tomcat 9: the javax Servlet API. */
    @Nested
    class SpringSecurity58OnJavaxServlet extends SecuredShopChecks {
        @Override
        AgentHarness.Builder shop() {
            return onLibraries("spring5", "revisit.spring5.libs", true);
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
            return onLibraries("spring6", "revisit.spring6.libs", false, "dev/revisit/testapp/http/ObservedShopConfig.java")
                    .jvmArg("-Dshop.observed=true");
        }

        @Override
        String servletNamespace() {
            return "jakarta.servlet";
        }
    }

    private static AgentHarness.Builder onLibraries(String name, String property, boolean javax, String... more) {
        List<Path> libraries = ProgramCompiler.libraries(property);
        List<String> sources = new ArrayList<>(List.of(PROGRAM));
        sources.addAll(List.of(more));
        Path classes = ProgramCompiler.compile(name, libraries, javax, sources.toArray(String[]::new));
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes);
        classpath.addAll(libraries);
        return AgentHarness.builder(SecuredShop.class).onlyClasspath(classpath);
    }
}
