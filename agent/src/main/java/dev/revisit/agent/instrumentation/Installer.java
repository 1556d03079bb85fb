package dev.revisit.agent.instrumentation;

import dev.revisit.agent.bootstrap.AgentStatus;
import dev.revisit.agent.config.Config;
import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.Recorder;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        AdviceReader adviceReader = new AdviceReader();
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
                    ours.add(new Prepared(transform, adviceReader.read(transform.advice())));
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
     * What selects the types of a transformation: equal ones are matched once. A class, not a
     * record: a record's equals bootstraps through java.lang.invoke, about 90 more classes to load.
     */
    private static final class TypeMatch {
        final ElementMatcher<? super TypeDescription> types;
        final boolean jdk;

        TypeMatch(ElementMatcher<? super TypeDescription> types, boolean jdk) {
            this.types = types;
            this.jdk = jdk;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TypeMatch that && jdk == that.jdk && types.equals(that.types);
        }

        @Override
        public int hashCode() {
            return types.hashCode() * 31 + (jdk ? 1 : 0);
        }
    }

    static AgentBuilder builder(Instrumentation instrumentation, List<Prepared> prepared) {
        // The default initialization strategy, replaced just below by NoOp, is built first, and
        // building it injects Byte Buddy's Nexus class: 175 classes and 4 MB allocated for nothing.
        // The property is the relocated Byte Buddy's own (the shaded jar rewrites the constant),
        // so an application's Byte Buddy is not affected.
        if (System.getProperty(Nexus.PROPERTY) == null) {
            System.setProperty(Nexus.PROPERTY, "true");
        }
        // Advice is applied to declared methods only (AsmVisitorWrapper.ForDeclaredMethods), so the
        // method graph of the whole hierarchy Byte Buddy compiles by default for every instrumented
        // class is never read: compiling it was a third of what instrumenting a JDBC driver's
        // class allocated (bench/README.md, "Resident memory cut").
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
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
                .with(AgentBuilder.Listener.ModuleReadEdgeCompleting.of(instrumentation, false, AgentStatus.class));
        AgentBuilder.Ignored ignoring = builder.ignore(ignoredByName(prepared.stream().map(Prepared::transform).toList()));
        CandidateTypes candidates = candidates(prepared);
        if (candidates != null) {
            ignoring = ignoring.or(candidates);
        }
        // Last: isSynthetic() reads a class's modifiers, for which Byte Buddy parses all of a class being loaded.
        builder = ignoring.or(isSynthetic());
        if (candidates != null) {
            builder = builder.with(CandidateFilter.in(candidates));
        }
        // Transforms with equal type matchers (Byte Buddy's matchers compare by value) share one
        // matcher: each is evaluated once per loaded class, and a hasSuperType walk allocates.
        Map<TypeMatch, List<Prepared>> byTypes = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            byTypes.computeIfAbsent(new TypeMatch(p.transform().types(), p.transform().jdk()), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<TypeMatch, List<Prepared>> group : byTypes.entrySet()) {
            ElementMatcher<? super TypeDescription> types = group.getKey().jdk
                    ? group.getKey().types
                    : not(new IsJdk()).and(group.getKey().types);
            AgentBuilder.Identified.Extendable extendable = null;
            for (Prepared p : group.getValue()) {
                Advice advice = p.advice();
                ElementMatcher<? super MethodDescription> methods = p.transform().methods();
                AgentBuilder.Transformer transformer = (b, type, loader, module, domain) -> b.visit(advice.on(methods));
                extendable = extendable == null ? builder.type(types).transform(transformer) : extendable.transform(transformer);
            }
            builder = extendable;
        }
        return builder;
    }

    /** What no transformation could match, or null when some matcher's needs are unknown (then every class is matched). */
    private static CandidateTypes candidates(List<Prepared> prepared) {
        TypeNeed need = TypeNeed.NONE;
        for (Prepared p : prepared) {
            TypeNeed one = TypeNeed.of(p.transform().types());
            if (one.any()) {
                AgentLog.debug("the " + p.transform().module() + " module's type matcher needs no name; every class is matched against every module");
            }
            need = need.or(one);
        }
        return need.any() ? null : new CandidateTypes(need);
    }

    /** Rejected by name before any type is described: the agent itself, Byte Buddy, JDK reflection plumbing. */
    private static ElementMatcher<TypeDescription> ignoredByName(List<Transforms.Transform> transforms) {
        boolean anyJdk = transforms.stream().anyMatch(Transforms.Transform::jdk);
        ElementMatcher.Junction<TypeDescription> ignored = nameStartsWith("dev.revisit.agent.")
                .or(nameStartsWith("net.bytebuddy."))
                .or(nameStartsWith("jdk.internal.reflect."))
                .or(nameStartsWith("sun.reflect."))
                .or(nameStartsWith("java.lang.invoke."))
                .or(nameStartsWith("jdk.proxy")).or(nameStartsWith("com.sun.proxy."))
                .or(nameContains("$$Lambda")).or(nameContains("$ByteBuddy"));
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
