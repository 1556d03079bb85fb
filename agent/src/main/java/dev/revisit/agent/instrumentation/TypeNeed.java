package dev.revisit.agent.instrumentation;

import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ErasureMatcher;
import net.bytebuddy.matcher.HasSuperTypeMatcher;
import net.bytebuddy.matcher.NameMatcher;
import net.bytebuddy.matcher.StringMatcher;
import net.bytebuddy.matcher.StringSetMatcher;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a module's type matcher needs of a type before it can match: one of some names, a name
 * prefix, or one of some names among the type's super types. Read from the Byte Buddy matchers
 * modules declare ({@code named}, {@code namedOneOf}, {@code nameStartsWith},
 * {@code hasSuperType}, {@code and}, {@code or}) so that a class needing none of it is rejected
 * once, by name and one memoised walk of its hierarchy ({@link CandidateTypes}), instead of by
 * every module's {@code hasSuperType} walk. Byte Buddy keeps these matchers' parts in private
 * fields, read here by reflection; a matcher this class does not know (or a Byte Buddy whose
 * fields moved) needs {@link #ANY} type, which only switches the shortcut off.
 * {@code TypeNeedTest} checks that every registered module's matchers are understood.
 */
record TypeNeed(boolean any, Set<String> names, Set<String> prefixes, Set<String> superTypes) {
    static final TypeNeed ANY = new TypeNeed(true, Set.of(), Set.of(), Set.of());
    /** Needs a name out of none: what no matcher at all needs; {@link #or} adds to it. */
    static final TypeNeed NONE = new TypeNeed(false, Set.of(), Set.of(), Set.of());

    static TypeNeed of(ElementMatcher<?> matcher) {
        try {
            return read(matcher);
        } catch (ReflectiveOperationException | RuntimeException unknownShape) {
            return ANY;
        }
    }

    /** Both needs together: what either of two alternatives needs. */
    TypeNeed or(TypeNeed other) {
        if (any || other.any) {
            return ANY;
        }
        return new TypeNeed(false, union(names, other.names), union(prefixes, other.prefixes), union(superTypes, other.superTypes));
    }

    private static TypeNeed read(ElementMatcher<?> matcher) throws ReflectiveOperationException {
        if (matcher instanceof NameMatcher<?>) {
            ElementMatcher<?> name = field(NameMatcher.class, "matcher", matcher);
            if (name instanceof StringSetMatcher) {
                return names(field(StringSetMatcher.class, "values", name));
            }
            if (name instanceof StringMatcher) {
                String value = field(StringMatcher.class, "value", name);
                StringMatcher.Mode mode = field(StringMatcher.class, "mode", name);
                if (mode == StringMatcher.Mode.EQUALS_FULLY) {
                    return names(Set.of(value));
                }
                if (mode == StringMatcher.Mode.STARTS_WITH) {
                    return new TypeNeed(false, Set.of(), Set.of(value), Set.of());
                }
            }
            return ANY;
        }
        if (matcher instanceof ErasureMatcher<?>) {
            return read(field(ErasureMatcher.class, "matcher", matcher));
        }
        if (matcher instanceof HasSuperTypeMatcher<?>) {
            TypeNeed superType = read(field(HasSuperTypeMatcher.class, "matcher", matcher));
            // A super type's name prefix is not kept: the walk checks names only.
            if (superType.any || !superType.prefixes.isEmpty()) {
                return ANY;
            }
            return new TypeNeed(false, Set.of(), Set.of(), union(superType.names, superType.superTypes));
        }
        if (matcher instanceof ElementMatcher.Junction.Conjunction<?>) {
            // Every part must match, so any one part's need is the whole's: take the cheapest known.
            TypeNeed best = ANY;
            for (ElementMatcher<?> part : parts(ElementMatcher.Junction.Conjunction.class, matcher)) {
                TypeNeed need = read(part);
                if (best.any || (!need.any && !best.superTypes.isEmpty() && need.superTypes.isEmpty())) {
                    best = need;
                }
            }
            return best;
        }
        if (matcher instanceof ElementMatcher.Junction.Disjunction<?>) {
            TypeNeed all = NONE;
            for (ElementMatcher<?> part : parts(ElementMatcher.Junction.Disjunction.class, matcher)) {
                all = all.or(read(part));
            }
            return all;
        }
        return ANY;
    }

    private static TypeNeed names(Collection<String> names) {
        return new TypeNeed(false, Set.copyOf(names), Set.of(), Set.of());
    }

    private static List<ElementMatcher<?>> parts(Class<?> junction, Object matcher) throws ReflectiveOperationException {
        return field(junction, "matchers", matcher);
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Class<?> type, String name, Object target) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(target);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
