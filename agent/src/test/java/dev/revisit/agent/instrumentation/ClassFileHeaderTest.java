package dev.revisit.agent.instrumentation;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.jar.asm.ClassReader;
import org.h2.Driver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFileHeaderTest {

    @Test
    void readsWhatAsmReadsForEveryClassOfALibrary() throws IOException, URISyntaxException {
        Path h2 = Path.of(Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int compared = 0;
        try (JarFile jar = new JarFile(h2.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                if (!entry.getName().endsWith(".class") || entry.getName().endsWith("module-info.class")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    assertSameAsAsm(in.readAllBytes(), entry.getName());
                    compared++;
                }
            }
        }
        assertTrue(compared > 500, "compared only " + compared + " classes");
    }

    @Test
    void readsJdkClassesWithLongAndDoubleConstants() throws IOException {
        for (Class<?> type : List.of(Long.class, Double.class, Math.class, java.util.concurrent.ConcurrentHashMap.class, Object.class)) {
            try (InputStream in = Object.class.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
                assertSameAsAsm(in.readAllBytes(), type.getName());
            }
        }
        try (InputStream in = Object.class.getResourceAsStream("/java/lang/Object.class")) {
            assertNull(new ClassFileHeader(in.readAllBytes()).superName());
        }
    }

    @Test
    void decodesNamesBeyondAscii() {
        byte[] classFile = new ByteBuddy().subclass(Object.class).name("p.Größe\u4e2d").implement(Serializable.class).make().getBytes();
        ClassFileHeader header = new ClassFileHeader(classFile);
        assertEquals("java.lang.Object", header.superName());
        assertEquals(1, header.interfaceCount());
        assertEquals("java.io.Serializable", header.interfaceName(0));
        byte[] named = new ByteBuddy().subclass(Object.class).name("p.Base\u00e9").make().getBytes();
        byte[] sub = new ByteBuddy().subclass(Object.class).name("p.Sub").make().getBytes();
        assertEquals("java.lang.Object", new ClassFileHeader(sub).superName());
        assertEquals("java.lang.Object", new ClassFileHeader(named).superName());
    }

    @Test
    void aClassFileCutInsideItsConstantPoolThrowsARuntimeException() throws IOException {
        byte[] whole;
        try (InputStream in = Object.class.getResourceAsStream("/java/util/HashMap.class")) {
            whole = in.readAllBytes();
        }
        for (int length : new int[] {0, 9, 12, 100, 1_000}) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThrows(RuntimeException.class, () -> {
                ClassFileHeader header = new ClassFileHeader(cut);
                header.superName();
                for (int i = 0; i < header.interfaceCount(); i++) {
                    header.interfaceName(i);
                }
            }, "cut at " + length);
        }
    }

    private static void assertSameAsAsm(byte[] classFile, String what) {
        ClassReader asm = new ClassReader(classFile);
        ClassFileHeader header = new ClassFileHeader(classFile);
        String asmSuper = asm.getSuperName();
        assertEquals(asmSuper == null ? null : asmSuper.replace('/', '.'), header.superName(), what);
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < header.interfaceCount(); i++) {
            ours.add(header.interfaceName(i));
        }
        assertArrayEquals(Arrays.stream(asm.getInterfaces()).map(n -> n.replace('/', '.')).toArray(), ours.toArray(), what);
    }
}
