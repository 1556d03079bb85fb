package dev.revisit.agent.instrumentation.readiness;

import dev.revisit.agent.bootstrap.readiness.ReadinessHook;
import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.jvm.Readiness;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Marks the application ready at its first listening socket, for {@code revisit.jvm.startup.duration}.
 * Instruments JDK classes, so it also proves the bootstrap path other JDK instrumentations use.
 */
public final class ReadinessModule implements InstrumentationModule {

    @Override
    public String name() {
        return "readiness";
    }

    @Override
    public void start(ModuleContext context) {
        ReadinessHook.install(new Readiness());
    }

    @Override
    public void transform(Transforms transforms) {
        transforms.jdkType(namedOneOf("java.net.ServerSocket", "sun.nio.ch.ServerSocketChannelImpl"),
                named("bind").and(takesArguments(2)),
                BindAdvice.class);
    }
}
