package dev.revisit.agent.instrumentation.datasource;

import dev.revisit.agent.bootstrap.datasource.DataSourceHook;
import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * {@code db.client.connection.wait_time} for every {@code javax.sql.DataSource}: HikariCP and
 * any other pool or plain data source. Switched by {@code revisit.instrumentation.datasource.enabled}.
 */
public final class DataSourceModule implements InstrumentationModule {

    @Override
    public String name() {
        return "datasource";
    }

    @Override
    public void start(ModuleContext context) {
        DataSourceHook.install(new ConnectionWait(context.recorder()));
    }

    @Override
    public void transform(Transforms transforms) {
        transforms.type(not(isInterface()).and(hasSuperType(named("javax.sql.DataSource"))),
                named("getConnection").and(not(isAbstract())),
                GetConnectionAdvice.class);
    }
}
