package dev.revisit.agent.instrumentation;

import java.nio.charset.StandardCharsets;

/**
 * A class file's super class and interfaces, read in place. {@link CandidateTypes} asks this of
 * every class the application loads; ASM's {@code ClassReader} first indexes the whole constant
 * pool (an offset array and a string cache sized by it), which for the ≈ 1,000 classes of a
 * library was ≈ 3 MB of garbage for two or three names each. Here a name is found by walking the
 * pool again, without allocating: a few walks of a few hundred entries per class. Throws a
 * {@link RuntimeException} on a malformed class file (the caller then lets Byte Buddy decide).
 */
final class ClassFileHeader {
    private static final int CONSTANT_POOL = 10;

    private final byte[] classFile;
    /** Where access_flags starts, just past the constant pool. */
    private final int afterPool;

    ClassFileHeader(byte[] classFile) {
        this.classFile = classFile;
        this.afterPool = entryOffset(u2(CONSTANT_POOL - 2));
    }

    /** @return the super class's binary name ({@code java.lang.Object}), or null for {@code java.lang.Object} itself and modules */
    String superName() {
        int index = u2(afterPool + 4);
        return index == 0 ? null : className(index);
    }

    int interfaceCount() {
        return u2(afterPool + 6);
    }

    /** @return the binary name of the i-th directly implemented interface */
    String interfaceName(int i) {
        if (i < 0 || i >= interfaceCount()) {
            throw new IndexOutOfBoundsException(i);
        }
        return className(u2(afterPool + 8 + 2 * i));
    }

    private String className(int classIndex) {
        if (classIndex >= u2(CONSTANT_POOL - 2)) {
            throw new IllegalArgumentException("constant " + classIndex + " outside the pool");
        }
        int classEntry = entryOffset(classIndex);
        if (classFile[classEntry] != 7) {
            throw new IllegalArgumentException("constant " + classIndex + " is not a class");
        }
        int utf8 = entryOffset(u2(classEntry + 1));
        if (classFile[utf8] != 1) {
            throw new IllegalArgumentException("a class constant names no string");
        }
        return binaryName(utf8 + 3, u2(utf8 + 1));
    }

    /** Internal names are ASCII but for rare classes; those go through modified UTF-8. */
    private String binaryName(int start, int length) {
        byte[] name = new byte[length];
        for (int i = 0; i < length; i++) {
            byte b = classFile[start + i];
            if (b < 0) {
                return decodeModifiedUtf8(start, length).replace('/', '.');
            }
            name[i] = b == '/' ? (byte) '.' : b;
        }
        return new String(name, StandardCharsets.ISO_8859_1);
    }

    private String decodeModifiedUtf8(int start, int length) {
        char[] chars = new char[length];
        int n = 0;
        for (int i = start, end = start + length; i < end; n++) {
            int b = classFile[i] & 0xFF;
            if (b < 0x80) {
                chars[n] = (char) b;
                i++;
            } else if ((b & 0xE0) == 0xC0) {
                chars[n] = (char) (((b & 0x1F) << 6) | (classFile[i + 1] & 0x3F));
                i += 2;
            } else {
                chars[n] = (char) (((b & 0x0F) << 12) | ((classFile[i + 1] & 0x3F) << 6) | (classFile[i + 2] & 0x3F));
                i += 3;
            }
        }
        return new String(chars, 0, n);
    }

    /** The offset of constant pool entry {@code index} (its tag), or, for the pool's count, the offset just past it. */
    private int entryOffset(int index) {
        int count = u2(CONSTANT_POOL - 2);
        if (index <= 0 || index > count) {
            throw new IllegalArgumentException("constant " + index + " outside a pool of " + count);
        }
        int offset = CONSTANT_POOL;
        for (int i = 1; i < index; i++) {
            int tag = classFile[offset];
            switch (tag) {
                case 1 -> offset += 3 + u2(offset + 1);                  // Utf8
                case 7, 8, 16, 19, 20 -> offset += 3;                    // Class, String, MethodType, Module, Package
                case 15 -> offset += 4;                                  // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> offset += 5;         // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> {                                           // Long, Double take two entries
                    offset += 9;
                    i++;
                }
                default -> throw new IllegalArgumentException("constant pool tag " + tag);
            }
        }
        return offset;
    }

    private int u2(int offset) {
        return ((classFile[offset] & 0xFF) << 8) | (classFile[offset + 1] & 0xFF);
    }
}
