package dev.revisit.collector.store;

/**
 * The append-only log's record framing: {@code [type:1][length:4][payload][crc32c:4]}, the
 * checksum over type, length and payload, so a record torn by a crash is recognised and
 * skipped. Payloads (big-endian):
 * <ul>
 *   <li>{@link #DEFINE}: id:int, metric:utf, kind:byte, labels:int, (key:utf, value:utf)*</li>
 *   <li>{@link #LAYOUT}: id:int, 1 + bounds:doubles | 2 + scale:int lo:int hi:int</li>
 *   <li>{@link #SAMPLE}: id:int, time:long, runStart:long, resolved:doubles, raw:doubles</li>
 * </ul>
 * where {@code doubles} is a length (int, -1 for none) and that many doubles.
 */
final class LogFormat {

    static final byte DEFINE = 1;
    static final byte LAYOUT = 2;
    static final byte SAMPLE = 3;
    /** Header (type, length) plus trailer (checksum). */
    static final int FRAMING = 1 + 4 + 4;
    static final int MAX_PAYLOAD = 1 << 24;

    static final String LOG_PREFIX = "log-";
    static final String SNAPSHOT_PREFIX = "snapshot-";
    static final String SUFFIX = ".bin";

    private LogFormat() {}

    static String logName(long sequence) {
        return LOG_PREFIX + String.format("%012d", sequence) + SUFFIX;
    }

    static String snapshotName(long sequence) {
        return SNAPSHOT_PREFIX + String.format("%012d", sequence) + SUFFIX;
    }

    /** The sequence number in a file name of ours, or -1. */
    static long sequence(String fileName, String prefix) {
        if (!fileName.startsWith(prefix) || !fileName.endsWith(SUFFIX)) return -1;
        try {
            return Long.parseLong(fileName.substring(prefix.length(), fileName.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
