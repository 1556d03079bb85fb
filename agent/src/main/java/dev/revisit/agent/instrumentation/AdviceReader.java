package dev.revisit.agent.instrumentation;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Reads advice classes from their class files rather than by reflection, so advice whose
 * signature names a library type (absent from the agent's class path) can still be read.
 * One type pool serves every advice class of an install: each advice's annotations
 * ({@code Advice.OnMethodEnter}, {@code Advice.Argument}, ...) and the types they name are then
 * parsed once, not once per advice class — a pool per class made reading the advice the
 * largest single share of the install's allocation.
 */
final class AdviceReader {
    private final ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(AdviceReader.class.getClassLoader());
    private final TypePool pool = TypePool.Default.of(locator);

    /** @param adviceClass an advice class of the agent's own (its class loader is the locator's) */
    Advice read(Class<?> adviceClass) {
        TypeDescription description = pool.describe(adviceClass.getName()).resolve();
        return Advice.to(description, locator);
    }
}
