package dev.revisit.agent.instrumentation;

import dev.revisit.agent.identity.WeakIdentityMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

import java.io.IOException;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The install's global ignore: a class that no module's type matcher could match is rejected
 * here, once, before Byte Buddy evaluates every transformation's matcher on it. Every module
 * that matches by super type ({@code hasSuperType(named("java.sql.Statement"))}) used to walk
 * the whole hierarchy of every loaded class, each walk allocating — about 100 KB per class with
 * 19 modules. Here one walk per class answers for all of them, and what each super type reaches
 * is remembered per class loader, so a class's walk usually stops at its direct super types.
 * Matches ({@link #matches} true) mean "ignore"; {@link #mayMatch} answers the same from a class
 * file, for {@link CandidateFilter} in front of Byte Buddy's transformer.
 */
final class CandidateTypes implements AgentBuilder.RawMatcher {
    /** Super types remembered, over all loaders; past this further ones are walked each time. */
    private static final int MAX_REMEMBERED = 50_000;

    private final TypeNeed need;
    private final WeakIdentityMap<Map<String, Boolean>> byLoader = new WeakIdentityMap<>(10_000);
    private final Map<String, Boolean> bootstrap = new ConcurrentHashMap<>();
    private final AtomicInteger rememberedCount = new AtomicInteger();
    private final SuperTypeNames superTypeNames = new SuperTypeNames();
    /** {@code need.prefixes()}, as an array: iterating the set allocated an iterator for every class loaded. */
    private final String[] prefixes;

    CandidateTypes(TypeNeed need) {
        this.need = need;
        this.prefixes = need.prefixes().toArray(String[]::new);
    }

    @Override
    public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> classBeingRedefined, ProtectionDomain domain) {
        try {
            return !candidate(type, loader);
        } catch (RuntimeException unresolvable) {
            // A super type that cannot be found: let the modules' own matchers decide, as without this filter.
            return false;
        }
    }

    private boolean candidate(TypeDescription type, ClassLoader loader) {
        return named(type.getName()) || !need.superTypes().isEmpty() && reachesSuperType(type, remembered(loader));
    }

    /**
     * The same question for a class about to be loaded, answered from its class file's header
     * (super class and interfaces) without describing the class: Byte Buddy's description of a
     * class being loaded parses all of it (every method), which for the classes no module
     * wants was most of what the agent allocated per loaded class. A super type met for the
     * first time is read the same way, through the loader ({@link SuperTypeNames}); a
     * {@code java.*} one once for all loaders, as only the JDK's may define it. One that cannot
     * be read makes the class a candidate, and Byte Buddy's own matching decides.
     */
    boolean mayMatch(String internalName, byte[] classFile, ClassLoader loader) {
        try {
            String name = internalName.replace('/', '.');
            if (named(name)) {
                return true;
            }
            if (need.superTypes().isEmpty()) {
                return false;
            }
            Map<String, Boolean> remembered = remembered(loader);
            // Usually known: a super type loads while its first subclass is defined, after that subclass's walk read it.
            Boolean known = remembered.get(name);
            if (known != null) {
                return known;
            }
            ClassFileHeader header = new ClassFileHeader(classFile);
            String superName = header.superName();
            if (superName != null && remembers(superName, loader, remembered)) {
                return true;
            }
            for (int i = 0, n = header.interfaceCount(); i < n; i++) {
                if (remembers(header.interfaceName(i), loader, remembered)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | IOException | LinkageError unreadable) {
            return true;
        }
    }

    private boolean remembers(String superType, ClassLoader loader, Map<String, Boolean> remembered) throws IOException {
        if (need.superTypes().contains(superType)) {
            return true;
        }
        if (superType.startsWith("java.")) {
            // Only the JDK's loaders may define java.*: one verdict serves every loader, and its super types are the JDK's too.
            loader = null;
            remembered = bootstrap;
        }
        Boolean known = remembered.get(superType);
        if (known == null) {
            known = false;
            for (String superSuper : superTypeNames.of(superType, loader)) {
                if (superSuper != null && remembers(superSuper, loader, remembered)) {
                    known = true;
                    break;
                }
            }
            remember(superType, known, remembered);
        }
        return known;
    }

    private void remember(String superType, boolean reaches, Map<String, Boolean> remembered) {
        if (rememberedCount.get() < MAX_REMEMBERED && remembered.putIfAbsent(superType, reaches) == null) {
            rememberedCount.incrementAndGet();
        }
    }

    private boolean named(String name) {
        if (need.names().contains(name)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the type or one of its super types has one of the needed names. */
    private boolean reachesSuperType(TypeDefinition type, Map<String, Boolean> remembered) {
        if (need.superTypes().contains(type.asErasure().getName())) {
            return true;
        }
        TypeDescription.Generic superClass = type.getSuperClass();
        if (superClass != null && remembers(superClass.asErasure(), remembered)) {
            return true;
        }
        for (TypeDescription.Generic superInterface : type.getInterfaces()) {
            if (remembers(superInterface.asErasure(), remembered)) {
                return true;
            }
        }
        return false;
    }

    private boolean remembers(TypeDescription superType, Map<String, Boolean> remembered) {
        String name = superType.getName();
        if (need.superTypes().contains(name)) {
            return true;
        }
        Boolean known = remembered.get(name);
        if (known == null) {
            known = reachesSuperType(superType, remembered);
            remember(name, known, remembered);
        }
        return known;
    }

    private Map<String, Boolean> remembered(ClassLoader loader) {
        if (loader == null) {
            return bootstrap;
        }
        Map<String, Boolean> remembered = byLoader.get(loader);
        if (remembered == null) {
            synchronized (this) {
                remembered = byLoader.get(loader);
                if (remembered == null) {
                    remembered = new ConcurrentHashMap<>();
                    byLoader.put(loader, remembered);
                }
            }
        }
        return remembered;
    }
}
