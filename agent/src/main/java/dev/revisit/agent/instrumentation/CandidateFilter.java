package dev.revisit.agent.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;

/**
 * Byte Buddy's class file transformer behind {@link CandidateTypes#mayMatch}: a class that no
 * module could match is handed back untouched before Byte Buddy describes it. Classes that pass
 * (and every retransformation, whose classes Byte Buddy describes from the loaded class) go to
 * Byte Buddy, whose ignore matcher asks {@link CandidateTypes} again.
 */
final class CandidateFilter extends ResettableClassFileTransformer.WithDelegation {
    private final CandidateTypes candidates;

    private CandidateFilter(ResettableClassFileTransformer transformer, CandidateTypes candidates) {
        super(transformer);
        this.candidates = candidates;
    }

    static AgentBuilder.TransformerDecorator in(CandidateTypes candidates) {
        return transformer -> new CandidateFilter(transformer, candidates);
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        return passes(loader, internalName, classBeingRedefined, classFile)
                ? classFileTransformer.transform(loader, internalName, classBeingRedefined, domain, classFile)
                : null;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        return passes(loader, internalName, classBeingRedefined, classFile)
                ? classFileTransformer.transform(module, loader, internalName, classBeingRedefined, domain, classFile)
                : null;
    }

    private boolean passes(ClassLoader loader, String internalName, Class<?> classBeingRedefined, byte[] classFile) {
        return classBeingRedefined != null || internalName == null || candidates.mayMatch(internalName, classFile, loader);
    }
}
