package dev.revisit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.revisit.agent.testing.AgentHarness;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * The built jar against its size goal (issue 2: under 5 MB), and the build step that keeps it
 * there (src/build/SlimJar.java, ADR 0006): the shaded libraries lose only their local-variable
 * tables, never their line numbers, and the agent's own classes are left as compiled.
 */
class AgentJarIT {
    private static final long GOAL_BYTES = 5_000_000;
    private static final String SHADED = "dev/revisit/agent/shaded/";

    @Test
    void jarIsUnderFiveMegabytes() throws IOException {
        long size = Files.size(AgentHarness.agentJar());
        assertTrue(size < GOAL_BYTES, "agent jar is " + size + " bytes, goal < " + GOAL_BYTES
                + ": see bench/scripts/agent-jar-size.sh for what fills it");
    }

    @Test
    void shadedClassesKeepLineNumbersAndLoseLocalVariables() throws IOException {
        DebugInfo shaded = debugInfo(AgentHarness.agentJar(), true);
        assertTrue(shaded.classes > 1000, "shaded classes read: " + shaded.classes);
        assertEquals(0, shaded.localVariables.get(), "local-variable entries left in shaded classes");
        assertTrue(shaded.lineNumbers.get() > 10 * shaded.classes, "line numbers in shaded classes: " + shaded.lineNumbers);
    }

    @Test
    void agentsOwnClassesAreUntouched() throws IOException {
        DebugInfo own = debugInfo(AgentHarness.agentJar(), false);
        assertTrue(own.classes > 50, "own classes read: " + own.classes);
        assertTrue(own.localVariables.get() > own.classes, "local-variable entries in the agent's own classes: " + own.localVariables);
    }

    private static DebugInfo debugInfo(Path jar, boolean shaded) throws IOException {
        DebugInfo info = new DebugInfo();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith(SHADED) != shaded) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    new ClassReader(in).accept(info.visitor(), 0);
                }
                info.classes++;
            }
        }
        return info;
    }

    private static final class DebugInfo {
        int classes;
        final AtomicLong localVariables = new AtomicLong();
        final AtomicLong lineNumbers = new AtomicLong();

        ClassVisitor visitor() {
            return new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLocalVariable(String n, String d, String s, Label start, Label end, int index) {
                            localVariables.incrementAndGet();
                        }

                        @Override
                        public void visitLineNumber(int line, Label start) {
                            lineNumbers.incrementAndGet();
                        }
                    };
                }
            };
        }
    }
}
