package dev.revisit.agent.instrumentation;

import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.sql.Statement;
import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeNeedTest {

    @Test
    void namesPrefixesAndSuperTypesAreReadFromByteBuddysMatchers() {
        assertEquals(Set.of("a.B"), TypeNeed.of(named("a.B")).names());
        assertEquals(Set.of("a.B", "a.C"), TypeNeed.of(namedOneOf("a.B", "a.C")).names());
        assertEquals(Set.of("a."), TypeNeed.of(nameStartsWith("a.")).prefixes());
        TypeNeed subtypes = TypeNeed.of(not(isInterface()).and(hasSuperType(namedOneOf("x.Filter", "y.Filter"))));
        assertEquals(Set.of("x.Filter", "y.Filter"), subtypes.superTypes());
        assertTrue(subtypes.names().isEmpty() && subtypes.prefixes().isEmpty() && !subtypes.any());
    }

    @Test
    void aConjunctionNeedsItsCheapestKnownPartAndADisjunctionEveryPart() {
        TypeNeed both = TypeNeed.of(nameStartsWith("g.").and(not(isInterface())).and(hasSuperType(named("g.Stats"))));
        assertEquals(Set.of("g."), both.prefixes());
        assertTrue(both.superTypes().isEmpty(), "the prefix alone is a cheaper, sufficient need");
        TypeNeed either = TypeNeed.of(named("a.B").or(hasSuperType(named("c.D"))));
        assertEquals(Set.of("a.B"), either.names());
        assertEquals(Set.of("c.D"), either.superTypes());
    }

    @Test
    void aMatcherThatNeedsNoNameNeedsAnyType() {
        assertTrue(TypeNeed.of(isPublic()).any());
        assertTrue(TypeNeed.of(nameEndsWith("Impl")).any());
        assertTrue(TypeNeed.of(named("a.B").or(isPublic())).any(), "one unknown alternative makes the whole unknown");
        assertTrue(TypeNeed.of(hasSuperType(nameStartsWith("a."))).any());
        assertTrue(TypeNeed.of(target -> true).any());
    }

    /** If this fails, a module's matcher (or a Byte Buddy upgrade) switched the install's shortcut off for every class. */
    @Test
    void everyRegisteredModulesMatchersAreUnderstood() {
        for (InstrumentationModule module : Modules.ALL) {
            Transforms transforms = new Transforms(module.name());
            module.transform(transforms);
            for (Transforms.Transform transform : transforms.list()) {
                assertFalse(TypeNeed.of(transform.types()).any(), module.name() + ": " + transform.types());
            }
        }
    }

    @Test
    void candidatesAreTypesWithANeededNameOrSuperTypeAndTheRestIsIgnored() {
        CandidateTypes filter = new CandidateTypes(TypeNeed.of(named("a.B").or(nameStartsWith("p.q."))
                .or(not(isInterface()).and(hasSuperType(named(Statement.class.getName()))))));
        ClassLoader loader = getClass().getClassLoader();
        assertFalse(ignored(filter, Deep.class, loader), "three levels below Statement");
        assertFalse(ignored(filter, Direct.class, loader));
        assertFalse(ignored(filter, Deep.class, loader), "asked again: answered from what the first walk remembered");
        assertTrue(ignored(filter, String.class, null));
        assertTrue(ignored(filter, Unrelated.class, loader));
        assertTrue(ignored(filter, TypeNeedTest.class, loader));
    }

    @Test
    void aClassFileIsJudgedFromItsHeaderAndItsSuperTypesClassFiles() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        CandidateTypes filter = new CandidateTypes(TypeNeed.of(named("a.B").or(not(isInterface()).and(hasSuperType(named(Statement.class.getName()))))));
        assertTrue(filter.mayMatch(internalName(Deep.class), classFile(Deep.class), loader), "three levels below Statement");
        assertTrue(filter.mayMatch("a/B", classFile(Unrelated.class), loader), "by name alone");
        assertFalse(filter.mayMatch(internalName(Unrelated.class), classFile(Unrelated.class), loader));
        assertFalse(filter.mayMatch(internalName(TypeNeedTest.class), classFile(TypeNeedTest.class), loader));
        ClassLoader nothingFound = new ClassLoader(null) {};
        assertTrue(filter.mayMatch(internalName(Deep.class), classFile(Deep.class), nothingFound),
                "a super type whose class file cannot be read leaves the decision to Byte Buddy's matchers");
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] classFile(Class<?> type) throws Exception {
        try (var in = type.getClassLoader().getResourceAsStream(internalName(type) + ".class")) {
            return in.readAllBytes();
        }
    }

    private static boolean ignored(CandidateTypes filter, Class<?> type, ClassLoader loader) {
        return filter.matches(TypeDescription.ForLoadedType.of(type), loader, null, null, null);
    }

    abstract static class Direct implements Statement {}

    abstract static class Middle extends Direct implements Serializable {}

    abstract static class Deep extends Middle {}

    static class Unrelated implements Serializable, Comparable<Unrelated> {
        @Override
        public int compareTo(Unrelated other) {
            return 0;
        }
    }
}
