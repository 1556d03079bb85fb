package dev.revisit.agent.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A type's direct super types, read from its class file through a class loader, for
 * {@link CandidateTypes}' walk of a class being loaded. Byte Buddy's class file locator drained
 * each class file into fresh chunks and copied them into a fresh array (≈ 2.4 MiB of the
 * ≈ 5 MiB the walk allocated while H2's 1,067 classes loaded); only the few names the header
 * holds outlive the read, so the bytes go into one reused buffer instead. The buffer is taken
 * while reading (a concurrent or nested read allocates its own) and is kept only up to
 * {@link #KEPT} bytes, so the agent holds at most that much for it.
 */
final class SuperTypeNames {
    private static final int FIRST = 8 * 1024;
    private static final int KEPT = 32 * 1024;

    private final AtomicReference<byte[]> spare = new AtomicReference<>();

    /**
     * @return the super class's binary name (null for none) followed by the interfaces' names
     * @throws IOException when the loader has no class file for the type
     */
    String[] of(String binaryName, ClassLoader loader) throws IOException {
        // The platform loader finds what the boot loader defines too, which null cannot be asked for.
        ClassLoader source = loader != null ? loader : ClassLoader.getPlatformClassLoader();
        try (InputStream in = source.getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + binaryName);
            }
            byte[] taken = take();
            byte[] buffer = taken;
            try {
                buffer = readAll(in, taken);
                ClassFileHeader header = new ClassFileHeader(buffer);
                int interfaces = header.interfaceCount();
                String[] names = new String[1 + interfaces];
                names[0] = header.superName();
                for (int i = 0; i < interfaces; i++) {
                    names[1 + i] = header.interfaceName(i);
                }
                return names;
            } finally {
                // One class file too large to keep a buffer for must not cost the next reads theirs.
                spare.set(buffer.length <= KEPT ? buffer : taken);
            }
        }
    }

    /** Reads the stream into the buffer (past its end the bytes are stale; the header never reads there but for a malformed file). */
    private static byte[] readAll(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        for (int n; (n = in.read(buffer, length, buffer.length - length)) != -1; ) {
            length += n;
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        return buffer;
    }

    private byte[] take() {
        byte[] buffer = spare.getAndSet(null);
        return buffer != null ? buffer : new byte[FIRST];
    }
}
