package dev.revisit.collector.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/** A growable byte array that frames {@link LogFormat} records. Not thread-safe. */
final class RecordBuffer {

    private byte[] bytes;
    private int size;
    private int recordStart;
    private final CRC32C crc = new CRC32C();

    RecordBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    void begin(byte type) {
        recordStart = size;
        ensure(5);
        bytes[size++] = type;
        size += 4; // length, filled in by end()
    }

    void end() {
        int length = size - recordStart - 5;
        putIntAt(recordStart + 1, length);
        crc.reset();
        crc.update(bytes, recordStart, size - recordStart);
        putInt((int) crc.getValue());
    }

    void putByte(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
    }

    void putInt(int v) {
        ensure(4);
        putIntAt(size, v);
        size += 4;
    }

    void putLong(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            bytes[size + i] = (byte) v;
            v >>>= 8;
        }
        size += 8;
    }

    void putDouble(double v) {
        putLong(Double.doubleToRawLongBits(v));
    }

    void putDoubles(double[] values) {
        if (values == null) {
            putInt(-1);
            return;
        }
        putInt(values.length);
        ensure(values.length * 8);
        for (double v : values) putDouble(v);
    }

    /** Length (int) and UTF-8 bytes, as {@link StoredSeries#writeString} writes them. */
    void putString(String s) {
        byte[] utf = s.getBytes(StandardCharsets.UTF_8);
        putInt(utf.length);
        ensure(utf.length);
        System.arraycopy(utf, 0, bytes, size, utf.length);
        size += utf.length;
    }

    private void putIntAt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
}
