package dev.revisit.agent.instrumentation.springsecurity;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.auth.AuthMetrics;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Spring Security 5.x to 7.x, with or without an observation registry: the own time of its
 * authentication and authorization filters, per request, as {@code auth.mechanism=filter-chain}
 * (failure when an entry point, access-denied or failure handler answered), and token
 * introspection calls as {@code introspection}. The filters are matched by class name, so the
 * same matchers serve the javax (5.x) and jakarta (6.x, 7.x) generations.
 */
public final class SpringSecurityModule implements InstrumentationModule {
    /** Filters that authenticate or authorise; others in the chain (headers, CSRF, session) are not auth. */
    private static final String[] AUTH_FILTERS = {
        "org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter",
        "org.springframework.security.web.authentication.AuthenticationFilter",
        "org.springframework.security.web.authentication.www.BasicAuthenticationFilter",
        "org.springframework.security.web.authentication.www.DigestAuthenticationFilter",
        "org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter",
        "org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationFilter",
        "org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter",
        "org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationFilter",
        "org.springframework.security.web.access.intercept.AuthorizationFilter",
        "org.springframework.security.web.access.intercept.FilterSecurityInterceptor",
    };

    @Override
    public String name() {
        return "springsecurity";
    }

    @Override
    public void start(ModuleContext context) {
        AuthMetrics.install(context);
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(concrete(hasSuperType(namedOneOf(AUTH_FILTERS))),
                        namedOneOf("doFilter", "doFilterInternal").and(takesArguments(3)).and(not(isAbstract())),
                        AuthFilterAdvice.class)
                .type(concrete(hasSuperType(namedOneOf("jakarta.servlet.FilterChain", "javax.servlet.FilterChain"))),
                        named("doFilter").and(takesArguments(2)).and(not(isAbstract())),
                        HandOffAdvice.class)
                .type(named("org.springframework.security.web.FilterChainProxy"),
                        named("doFilter").and(takesArguments(3)),
                        SecurityChainAdvice.class)
                .type(concrete(hasSuperType(named("org.springframework.security.web.AuthenticationEntryPoint"))),
                        named("commence").and(takesArguments(3)).and(not(isAbstract())), RejectionAdvice.class)
                .type(concrete(hasSuperType(named("org.springframework.security.web.access.AccessDeniedHandler"))),
                        named("handle").and(takesArguments(3)).and(not(isAbstract())), RejectionAdvice.class)
                .type(concrete(hasSuperType(named("org.springframework.security.web.authentication.AuthenticationFailureHandler"))),
                        named("onAuthenticationFailure").and(takesArguments(3)).and(not(isAbstract())), RejectionAdvice.class)
                .type(concrete(hasSuperType(named("org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector"))),
                        named("introspect").and(takesArguments(1)).and(not(isAbstract())), IntrospectionAdvice.class);
    }

    private static ElementMatcher.Junction<TypeDescription> concrete(ElementMatcher<? super TypeDescription> types) {
        return not(isInterface()).and(types);
    }
}
