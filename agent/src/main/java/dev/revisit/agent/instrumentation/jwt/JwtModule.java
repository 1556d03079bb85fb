package dev.revisit.agent.instrumentation.jwt;

import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.auth.AuthMetrics;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code auth.mechanism=jwt}: token verification in Nimbus JOSE+JWT (processor and signature
 * check, and a parse that rejects a malformed token before any check), JJWT (parser), Auth0
 * java-jwt (verifier) and Spring Security's {@code JwtDecoder}, which also counts tokens too
 * malformed to reach a library's verifier. A decoder calling a processor calling a signature
 * check is one verification.
 */
public final class JwtModule implements InstrumentationModule {

    @Override
    public String name() {
        return "jwt";
    }

    @Override
    public void start(ModuleContext context) {
        AuthMetrics.install(context);
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(not(isInterface()).and(hasSuperType(named("com.nimbusds.jwt.proc.JWTProcessor"))),
                        named("process").and(isPublic()).and(not(isAbstract())), VerifyAdvice.class)
                .type(named("com.nimbusds.jose.JWSObject"),
                        named("verify").and(takesArguments(1)).and(returns(boolean.class)), SignatureCheckAdvice.class)
                .type(namedOneOf("com.nimbusds.jose.JWSObject", "com.nimbusds.jwt.SignedJWT", "com.nimbusds.jwt.JWTParser"),
                        named("parse").and(isStatic()).and(takesArguments(String.class)), ParseAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named("io.jsonwebtoken.JwtParser"))),
                        nameStartsWith("parse").and(isPublic()).and(not(isAbstract())), VerifyAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named("com.auth0.jwt.interfaces.JWTVerifier"))),
                        named("verify").and(isPublic()).and(takesArguments(1)).and(not(isAbstract())), VerifyAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named("org.springframework.security.oauth2.jwt.JwtDecoder"))),
                        named("decode").and(takesArguments(1)).and(not(isAbstract())), VerifyAdvice.class);
    }
}
