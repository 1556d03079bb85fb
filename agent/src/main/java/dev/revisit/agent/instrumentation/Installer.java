package dev.revisit.agent.instrumentation;

import dev.revisit.agent.bootstrap.AgentStatus;
import dev.revisit.agent.config.Config;
import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.Recorder;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Starts the enabled modules and installs all their advice as one {@link AgentBuilder}.
 * Runs off the application's main thread; classes that loaded meanwhile are retransformed.
 */
public final class Installer {
    private static final int MAX_ERROR_LINES = 20;

    private Installer() {}

    /** @return the names of the modules that were started */
    public static List<String> install(Instrumentation instrumentation, List<InstrumentationModule> modules, Config config, Recorder recorder) {
        List<Prepared> prepared = new ArrayList<>();
        List<String> started = new ArrayList<>();
        for (InstrumentationModule module : modules) {
            try {
                if (!config.instrumentationEnabled(module.name(), module.enabledByDefault())) {
                    AgentLog.debug("instrumentation " + module.name() + " is switched off");
                    continue;
                }
                Transforms declared = new Transforms(module.name());
                module.transform(declared);
                List<Prepared> ours = new ArrayList<>();
                for (Transforms.Transform transform : declared.list()) {
                    ours.add(new Prepared(transform, advice(transform.advice())));
                }
                module.start(new ModuleContext(recorder, config));
                prepared.addAll(ours);
                started.add(module.name());
            } catch (TypePool.Resolution.NoSuchTypeException absent) {
                // Advice that names a library type cannot be prepared where the agent cannot see the
                // library: the usual case of an application that does not use it, so no warning.
                AgentLog.info("instrumentation " + module.name() + " stays off: " + absent.getMessage());
            } catch (Throwable t) {
                AgentLog.warn("instrumentation " + module.name() + " failed to start and stays off", t);
            }
        }
        if (!prepared.isEmpty()) {
            builder(instrumentation, prepared).installOn(instrumentation);
        }
        return started;
    }

    /** A declared transformation with its advice already read. */
    private record Prepared(Transforms.Transform transform, Advice advice) {}

    /**
     * Reads the advice class from its class file rather than by reflection, so advice whose
     * signature names a library type (absent from the agent's class path) can still be read.
     */
    private static Advice advice(Class<?> adviceClass) {
        ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(adviceClass.getClassLoader());
        TypeDescription description = TypePool.Default.of(locator).describe(adviceClass.getName()).resolve();
        return Advice.to(description, locator);
    }

    static AgentBuilder builder(Instrumentation instrumentation, List<Prepared> prepared) {
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.RedefinitionStrategy.Listener.ErrorEscalating.FAIL_LAST)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.DescriptionStrategy.Default.HYBRID)
                .with(new TypePoolCache())
                .with(new ErrorListener())
                // Advice inlined into a JDK class (a named module) calls the bootstrap hooks,
                // which live in the bootstrap loader's unnamed module: add the read edge.
                .with(AgentBuilder.Listener.ModuleReadEdgeCompleting.of(instrumentation, false, AgentStatus.class))
                .ignore(ignored(prepared.stream().map(Prepared::transform).toList()));
        for (Prepared p : prepared) {
            Transforms.Transform transform = p.transform();
            ElementMatcher<? super TypeDescription> types = transform.jdk()
                    ? transform.types()
                    : not(new IsJdk()).and(transform.types());
            Advice advice = p.advice();
            builder = builder.type(types)
                    .transform((b, type, loader, module, domain) -> b.visit(advice.on(transform.methods())));
        }
        return builder;
    }

    /** Rejected by name before any type is described: the agent itself, Byte Buddy, JDK reflection plumbing. */
    private static ElementMatcher<TypeDescription> ignored(List<Transforms.Transform> transforms) {
        boolean anyJdk = transforms.stream().anyMatch(Transforms.Transform::jdk);
        ElementMatcher.Junction<TypeDescription> ignored = nameStartsWith("dev.revisit.agent.")
                .or(nameStartsWith("net.bytebuddy."))
                .or(nameStartsWith("jdk.internal.reflect."))
                .or(nameStartsWith("sun.reflect."))
                .or(nameStartsWith("java.lang.invoke."))
                .or(nameStartsWith("jdk.proxy")).or(nameStartsWith("com.sun.proxy."))
                .or(nameContains("$$Lambda")).or(nameContains("$ByteBuddy"))
                .or(isSynthetic());
        return anyJdk ? ignored : ignored.or(new IsJdk());
    }

    private static boolean isJdkName(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    private static final class IsJdk extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
        @Override
        public boolean matches(TypeDescription target) {
            return isJdkName(target.getName());
        }
    }

    /** A class the advice cannot be woven into stays as it was; say so, a bounded number of times. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        private final AtomicInteger logged = new AtomicInteger();

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
            int n = logged.incrementAndGet();
            if (n <= MAX_ERROR_LINES) {
                AgentLog.warn("could not instrument " + typeName + "; it runs uninstrumented" + (n == MAX_ERROR_LINES ? " (further such messages suppressed)" : ""), throwable);
            }
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader classLoader, JavaModule module, boolean loaded, net.bytebuddy.dynamic.DynamicType dynamicType) {
            AgentLog.debug("instrumented " + type.getName() + (loaded ? " (retransformed)" : ""));
        }
    }
}
