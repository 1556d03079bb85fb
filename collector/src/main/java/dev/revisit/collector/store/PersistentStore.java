package dev.revisit.collector.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A {@link MemoryStore} kept in a data directory: an append-only log of every change, flushed
 * and forced to disk every {@code flushInterval}, and a snapshot that lets old log segments go.
 * On open the newest snapshot is loaded and the log segments after it replayed, so a restart —
 * also {@code kill -9} — loses at most the last flush interval. See docs/store.md.
 */
public final class PersistentStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PersistentStore.class.getName());
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
    public static final Path DEFAULT_DIRECTORY = Path.of("revisit-data");
    private static final int SNAPSHOT_MAGIC = 0x52565331; // "RVS1"
    /** A snapshot is written once the log since the last one outgrows this, or the store's own size. */
    private static final long MIN_LOG_BYTES_PER_SNAPSHOT = 64L << 20;

    private final Path dir;
    private final MemoryStore store;
    private final RecordLog log;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ScheduledExecutorService housekeeping;

    private PersistentStore(Path dir, MemoryStore store, RecordLog log, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.store = store;
        this.log = log;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "revisit-store-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens (or creates) the store in {@code dir}, recovering what it holds. */
    public static PersistentStore open(Path dir, StoreConfig config, Duration flushInterval) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) { // held by this JVM
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("data directory " + dir + " is in use by another collector");
        }
        try (var stale = Files.list(dir)) { // a snapshot a crash interrupted
            for (Path p : (Iterable<Path>) stale::iterator) {
                if (p.getFileName().toString().endsWith(".tmp")) Files.deleteIfExists(p);
            }
        }
        MemoryStore store = new MemoryStore(config);
        long next = recover(dir, store);
        RecordLog log = new RecordLog(dir, next);
        store.journal(log);
        log.startFlusher(flushInterval);
        PersistentStore persistent = new PersistentStore(dir, store, log, lockChannel, lock);
        persistent.housekeeping.scheduleWithFixedDelay(persistent::housekeep, 30, 30, TimeUnit.SECONDS);
        return persistent;
    }

    /**
     * Reads what a data directory holds into a fresh store, without locking or writing anything:
     * for one-shot commands while a collector may be serving from the same directory. A
     * snapshot the running collector completes meanwhile may delete a segment being read; the
     * read then starts over (up to three times).
     */
    public static MemoryStore readOnly(Path dir, StoreConfig config) throws IOException {
        if (!Files.isDirectory(dir)) throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no data directory");
        for (int attempt = 1; ; attempt++) {
            MemoryStore store = new MemoryStore(config);
            try {
                recover(dir, store);
                return store;
            } catch (java.nio.file.NoSuchFileException e) {
                if (attempt == 3) throw e;
            }
        }
    }

    public MemoryStore store() {
        return store;
    }

    public Path directory() {
        return dir;
    }

    private void housekeep() {
        try {
            int dropped = store.expire(System.currentTimeMillis());
            if (dropped > 0) LOG.log(Level.INFO, "dropped " + dropped + " series silent for longer than the longest tier's retention");
            if (log.bytesSinceRotate() >= Math.max(MIN_LOG_BYTES_PER_SNAPSHOT, store.estimatedBytes())) snapshot();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "store snapshot in " + dir + " failed; the log keeps everything meanwhile", e);
        }
    }

    /**
     * Writes a snapshot and deletes the log segments it makes redundant. The log rotates first,
     * then each series is copied under its own lock: every change logged before the rotation is
     * in the snapshot, and every change after it is in a kept segment (replay skips what the
     * snapshot already holds).
     */
    public synchronized void snapshot() throws IOException {
        long seq = log.rotate();
        Path tmp = dir.resolve(LogFormat.snapshotName(seq) + ".tmp");
        List<StoredSeries> all = store.all();
        try (OutputStream file = Files.newOutputStream(tmp);
             CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(file, 1 << 16), new CRC32C());
             DataOutputStream out = new DataOutputStream(checked)) {
            out.writeInt(SNAPSHOT_MAGIC);
            out.writeInt(store.config().tiers().size());
            out.writeInt(all.size());
            for (StoredSeries s : all) s.write(out);
            out.flush();
            out.writeLong(checked.getChecksum().getValue());
            out.flush();
            file.flush();
        }
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        try {
            Files.move(tmp, dir.resolve(LogFormat.snapshotName(seq)), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(LogFormat.snapshotName(seq)), StandardCopyOption.REPLACE_EXISTING);
        }
        for (Path p : files(dir, LogFormat.LOG_PREFIX).headMap(seq).values()) Files.deleteIfExists(p);
        for (Path p : files(dir, LogFormat.SNAPSHOT_PREFIX).headMap(seq).values()) Files.deleteIfExists(p);
    }

    /** Loads the newest readable snapshot, replays the log after it; returns the next segment number. */
    private static long recover(Path dir, MemoryStore store) throws IOException {
        TreeMap<Long, Path> snapshots = files(dir, LogFormat.SNAPSHOT_PREFIX);
        TreeMap<Long, Path> logs = files(dir, LogFormat.LOG_PREFIX);
        long from = 0;
        for (Map.Entry<Long, Path> e : snapshots.descendingMap().entrySet()) {
            try {
                loadSnapshot(e.getValue(), store);
                from = e.getKey();
                break;
            } catch (IOException | RuntimeException ex) {
                LOG.log(Level.ERROR, "snapshot " + e.getValue() + " is unreadable (" + ex + "); trying an older one");
                store.clear();
            }
        }
        Map<Integer, StoredSeries> byId = new HashMap<>();
        for (StoredSeries s : store.all()) byId.put(s.id(), s);
        long records = 0;
        for (Path segment : logs.tailMap(from).values()) records += replay(segment, store, byId);
        long next = Math.max(from, logs.isEmpty() ? 0 : logs.lastKey()) + 1;
        if (records > 0 || from > 0) {
            LOG.log(Level.INFO, "store recovered " + store.seriesCount() + " series from " + dir
                    + (from > 0 ? " (snapshot " + from + ")" : "") + ", replayed " + records + " log records");
        }
        return next;
    }

    private static void loadSnapshot(Path file, MemoryStore store) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), new CRC32C());
             DataInputStream in = new DataInputStream(checked)) {
            if (in.readInt() != SNAPSHOT_MAGIC) throw new IOException("not a snapshot");
            int tiers = in.readInt();
            if (tiers != store.config().tiers().size()) {
                throw new IOException("written with " + tiers + " tiers, the store now has " + store.config().tiers().size());
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                int id = in.readInt();
                Series series = readSeries(in);
                store.restore(id, series).read(in);
            }
            long expected = checked.getChecksum().getValue();
            if (in.readLong() != expected) throw new IOException("checksum mismatch");
        }
    }

    private static Series readSeries(DataInputStream in) throws IOException {
        String metric = StoredSeries.readString(in);
        MetricKind kind = MetricKind.values()[in.readByte()];
        int n = in.readInt();
        if (n < 0 || n > 10_000) throw new IOException("bad label count " + n);
        TreeMap<String, String> labels = new TreeMap<>();
        for (int i = 0; i < n; i++) labels.put(StoredSeries.readString(in), StoredSeries.readString(in));
        return new Series(metric, kind, new Labels(labels));
    }

    /** Applies one segment's records; a torn or corrupt record ends the segment (logged). */
    private static long replay(Path segment, MemoryStore store, Map<Integer, StoredSeries> byId) throws IOException {
        long records = 0, offset = 0;
        CRC32C crc = new CRC32C();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(segment), 1 << 16))) {
            while (true) {
                int type = in.read();
                if (type < 0) return records;
                byte[] payload;
                try {
                    int length = in.readInt();
                    if (length < 0 || length > LogFormat.MAX_PAYLOAD) throw new IOException("bad record length " + length);
                    payload = new byte[length];
                    in.readFully(payload);
                    int stored = in.readInt();
                    crc.reset();
                    crc.update(type);
                    crc.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
                    crc.update(payload);
                    if ((int) crc.getValue() != stored) throw new IOException("checksum mismatch");
                } catch (EOFException e) {
                    LOG.log(Level.WARNING, "skipped a torn record at byte " + offset + " of " + segment + " (the tail of a crash)");
                    return records;
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "skipped the rest of " + segment + " from byte " + offset + ": " + e.getMessage());
                    return records;
                }
                offset += LogFormat.FRAMING + payload.length;
                try {
                    apply((byte) type, new DataInputStream(new java.io.ByteArrayInputStream(payload)), store, byId);
                    records++;
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "skipped an unreadable record at byte " + offset + " of " + segment + ": " + e);
                }
            }
        }
    }

    private static void apply(byte type, DataInputStream in, MemoryStore store, Map<Integer, StoredSeries> byId) throws IOException {
        int id = in.readInt();
        switch (type) {
            case LogFormat.DEFINE -> {
                Series series = readSeries(in);
                if (!byId.containsKey(id)) byId.put(id, store.restore(id, series));
            }
            case LogFormat.LAYOUT -> {
                StoredSeries s = byId.get(id);
                if (s == null) return;
                if (in.readByte() == 2) s.restoreLayout(null, new ExponentialLayout(in.readInt(), in.readInt(), in.readInt()));
                else s.restoreLayout(StoredSeries.readDoubles(in), null);
            }
            case LogFormat.SAMPLE -> {
                StoredSeries s = byId.get(id);
                if (s == null) return;
                long time = in.readLong();
                long runStart = in.readLong();
                double[] resolved = StoredSeries.readDoubles(in);
                s.restore(time, resolved, StoredSeries.readDoubles(in), runStart);
            }
            default -> throw new IOException("unknown record type " + type);
        }
    }

    private static TreeMap<Long, Path> files(Path dir, String prefix) throws IOException {
        TreeMap<Long, Path> out = new TreeMap<>();
        try (var stream = Files.list(dir)) {
            for (Path p : (Iterable<Path>) stream::iterator) {
                long seq = LogFormat.sequence(p.getFileName().toString(), prefix);
                if (seq >= 0) out.put(seq, p);
            }
        }
        return out;
    }

    /** Flushes the log now (tests and shutdown; the flusher does it every interval). */
    public void flush() {
        log.flush();
    }

    /** Flushes, writes a snapshot so the next start is quick, and releases the directory. */
    @Override
    public synchronized void close() throws IOException {
        housekeeping.shutdownNow();
        try {
            snapshot();
        } finally {
            log.close();
            lock.release();
            lockChannel.close();
        }
    }
}
