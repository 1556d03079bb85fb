package dev.revisit.agent.instrumentation.jdbc;

import dev.revisit.agent.bootstrap.jdbc.JdbcHook;
import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code db.client.operation.duration} for every JDBC driver. Matches by interface, so any
 * driver and any pool proxy is covered; abstract classes are included because drivers
 * declare {@code execute*} in abstract bases, interfaces are not (they have no bodies).
 */
public final class JdbcModule implements InstrumentationModule {

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public void start(ModuleContext context) {
        int sqlCache = (int) context.config().getLong("revisit.jdbc.sql.cache.size", 1_000, 0, 1_000_000);
        JdbcHook.install(new JdbcMetrics(context.recorder(), sqlCache));
    }

    @Override
    public void transform(Transforms transforms) {
        transforms
                .type(not(isInterface()).and(hasSuperType(named("java.sql.Connection"))),
                        namedOneOf("prepareStatement", "prepareCall").and(takesArgument(0, String.class)).and(not(isAbstract())),
                        PrepareAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named("java.sql.Statement"))),
                        namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate").and(isPublic()).and(not(isAbstract())),
                        ExecuteAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named("java.sql.Statement"))),
                        namedOneOf("executeBatch", "executeLargeBatch").and(takesArguments(0)).and(isPublic()).and(not(isAbstract())),
                        ExecuteBatchAdvice.class)
                .type(not(isInterface()).and(hasSuperType(named("java.sql.Statement"))),
                        named("close").and(takesArguments(0)).and(not(isAbstract())),
                        CloseAdvice.class);
    }
}
