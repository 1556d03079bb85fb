import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Build step after the shade plugin (agent/pom.xml, package phase): rewrites the agent jar in
 * place so that it stays under its 5 MB goal with room for more instrumentations (ADR 0006).
 *
 * <ul>
 *   <li>Shaded libraries' classes lose their local-variable tables: a third of Byte Buddy's
 *       bytes, read only by debuggers. Line numbers and source file names stay, so stack traces
 *       from inside Byte Buddy or the OTel exporter still point at a line.</li>
 *   <li>Every entry is deflated at level 9, and its sizes and CRC are written in its local
 *       header instead of a 16-byte data descriptor after it (×3,500 entries).</li>
 * </ul>
 * The agent's own classes are copied untouched. Entry order, names and times are kept.
 *
 * <p>Run with the Java source launcher and Byte Buddy's ASM on the class path:
 * {@code java -cp byte-buddy.jar SlimJar.java target/revisit-agent.jar dev/revisit/agent/shaded/}.
 */
public final class SlimJar {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SlimJar <jar, rewritten in place> <path prefix of classes to strip>");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        String stripPrefix = args[1];
        Path slim = jar.resolveSibling(jar.getFileName() + ".slim");
        long before = Files.size(jar);
        int stripped = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(slim))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            Deflater sizer = new Deflater(Deflater.BEST_COMPRESSION, true);
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (var stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                if (entry.getName().startsWith(stripPrefix) && entry.getName().endsWith(".class")) {
                    bytes = withoutLocalVariables(bytes);
                    stripped++;
                }
                out.putNextEntry(sized(entry, bytes, sizer));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(slim, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("SlimJar: %s %,d -> %,d bytes (%d classes without local-variable tables)%n",
                jar.getFileName(), before, Files.size(jar), stripped);
    }

    static byte[] withoutLocalVariables(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        // No COMPUTE_* flags: code and stack map frames are copied as they are. A fresh constant
        // pool (no reader passed in) also drops the variables' names and descriptors.
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitLocalVariable(String n, String d, String s, Label start, Label end, int index) {
                        // dropped: LocalVariableTable and LocalVariableTypeTable
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    /** A copy of {@code entry} with its sizes and CRC known up front, so no data descriptor follows it. */
    static ZipEntry sized(ZipEntry entry, byte[] bytes, Deflater sizer) {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        if (entry.getComment() != null) {
            copy.setComment(entry.getComment());
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        copy.setMethod(ZipEntry.DEFLATED);
        copy.setSize(bytes.length);
        copy.setCrc(crc.getValue());
        copy.setCompressedSize(deflatedSize(bytes, sizer));
        return copy;
    }

    private static long deflatedSize(byte[] bytes, Deflater deflater) {
        deflater.reset();
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[8192];
        long size = 0;
        while (!deflater.finished()) {
            size += deflater.deflate(buffer);
        }
        return size;
    }
}
