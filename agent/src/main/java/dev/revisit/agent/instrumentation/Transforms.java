package dev.revisit.agent.instrumentation;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a module's advice goes: for each type matcher, the methods and the advice class
 * (Byte Buddy {@code @Advice}, inlined, {@code suppress = Throwable.class}). Types of the JDK
 * itself (java., javax., jdk., sun., com.sun.) are skipped unless declared with {@link #jdkType},
 * which keeps start-up cheap: most loaded classes are rejected by name alone.
 */
public final class Transforms {
    /** One declared transformation. */
    public record Transform(String module, ElementMatcher<? super TypeDescription> types,
                            ElementMatcher<? super MethodDescription> methods, Class<?> advice, boolean jdk) {}

    private final String module;
    private final List<Transform> transforms = new ArrayList<>();

    Transforms(String module) {
        this.module = module;
    }

    /** Advice on methods of application or library types. */
    public Transforms type(ElementMatcher<? super TypeDescription> types, ElementMatcher<? super MethodDescription> methods, Class<?> advice) {
        transforms.add(new Transform(module, types, methods, advice, false));
        return this;
    }

    /** Advice on methods of JDK types, e.g. {@code java.util.concurrent.ThreadPoolExecutor}. Match them by name. */
    public Transforms jdkType(ElementMatcher<? super TypeDescription> types, ElementMatcher<? super MethodDescription> methods, Class<?> advice) {
        transforms.add(new Transform(module, types, methods, advice, true));
        return this;
    }

    List<Transform> list() {
        return transforms;
    }
}
