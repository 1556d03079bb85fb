package dev.revisit.collector.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The store's append-only log: every {@link Journal} event is framed into an in-memory buffer
 * under one lock (so the log keeps each series' order), and {@link #flush()} writes the buffer
 * to the current segment and forces it to disk. What a crash can lose is what was appended since
 * the last flush. {@link #rotate()} starts a new segment for the snapshot protocol.
 */
final class RecordLog implements Journal, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RecordLog.class.getName());
    /** Past this many unflushed bytes the appending thread writes them itself: bounded memory under a slow disk. */
    private static final int MAX_BUFFERED = 32 << 20;

    private final Path dir;
    private RecordBuffer buffer = new RecordBuffer(1 << 20);
    private RecordBuffer spare = new RecordBuffer(1 << 20);
    private final Object writeLock = new Object();
    private FileChannel channel;
    private long sequence;
    private long bytesSinceRotate;
    private volatile IOException failure;
    private Thread flusher;
    private boolean flushNow;
    private boolean closed;

    RecordLog(Path dir, long sequence) throws IOException {
        this.dir = dir;
        open(sequence);
    }

    private void open(long seq) throws IOException {
        sequence = seq;
        channel = FileChannel.open(dir.resolve(LogFormat.logName(seq)),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    synchronized long sequence() {
        return sequence;
    }

    /** Bytes logged since the last rotation (decides when a snapshot is worth writing). */
    synchronized long bytesSinceRotate() {
        return bytesSinceRotate + buffer.size();
    }

    // ---- Journal ----------------------------------------------------------------------------

    @Override
    public synchronized void defined(StoredSeries series) {
        buffer.begin(LogFormat.DEFINE);
        buffer.putInt(series.id());
        buffer.putString(series.series().metric());
        buffer.putByte(series.series().kind().ordinal());
        Map<String, String> labels = series.series().labels().map();
        buffer.putInt(labels.size());
        for (Map.Entry<String, String> e : labels.entrySet()) {
            buffer.putString(e.getKey());
            buffer.putString(e.getValue());
        }
        buffer.end();
        spill();
    }

    @Override
    public synchronized void layout(StoredSeries series, double[] explicitBounds, ExponentialLayout exponential) {
        buffer.begin(LogFormat.LAYOUT);
        buffer.putInt(series.id());
        if (exponential != null) {
            buffer.putByte(2);
            buffer.putInt(exponential.scale());
            buffer.putInt(exponential.lo());
            buffer.putInt(exponential.hi());
        } else {
            buffer.putByte(1);
            buffer.putDoubles(explicitBounds);
        }
        buffer.end();
        spill();
    }

    @Override
    public synchronized void sample(StoredSeries series, long time, double[] resolved, double[] raw, long runStart) {
        buffer.begin(LogFormat.SAMPLE);
        buffer.putInt(series.id());
        buffer.putLong(time);
        buffer.putLong(runStart);
        buffer.putDoubles(resolved);
        buffer.putDoubles(raw);
        buffer.end();
        spill();
    }

    /** Holds the appending thread while the buffer is over its bound, until the flusher takes it. */
    private void spill() {
        while (buffer.size() >= MAX_BUFFERED && flusher != null && !closed) {
            flushNow = true;
            notifyAll();
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Flushes every {@code interval} (or sooner when the buffer fills) on a daemon thread until {@link #close()}. */
    synchronized void startFlusher(java.time.Duration interval) {
        long millis = interval.toMillis();
        flusher = new Thread(() -> {
            while (true) {
                synchronized (this) {
                    long until = System.currentTimeMillis() + millis;
                    while (!flushNow && !closed) {
                        long left = until - System.currentTimeMillis();
                        if (left <= 0) break;
                        try {
                            wait(left);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    flushNow = false;
                    if (closed) return;
                }
                flush();
            }
        }, "revisit-store-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    // ---- writing ----------------------------------------------------------------------------

    /** Writes what was appended so far to the current segment and forces it to disk. */
    void flush() {
        synchronized (writeLock) {
            RecordBuffer full;
            FileChannel target;
            synchronized (this) {
                full = buffer;
                buffer = spare;
                spare = full;
                target = channel;
                bytesSinceRotate += full.size();
                notifyAll(); // appenders held by spill() may go on
            }
            try {
                write(target, full);
            } finally {
                full.clear();
            }
        }
    }

    private void write(FileChannel target, RecordBuffer full) {
        if (full.size() == 0) return;
        try {
            ByteBuffer bytes = ByteBuffer.wrap(full.array(), 0, full.size());
            while (bytes.hasRemaining()) target.write(bytes);
            target.force(false);
            failure = null;
        } catch (IOException e) {
            if (failure == null) LOG.log(Level.ERROR, "could not write the store log in " + dir + ": " + e);
            failure = e;
        }
    }

    /** Flushes, closes the current segment and continues in the next one; returns the new sequence. */
    long rotate() throws IOException {
        synchronized (writeLock) {
            flush();
            synchronized (this) {
                channel.close();
                open(sequence + 1);
                bytesSinceRotate = 0;
                return sequence;
            }
        }
    }

    /** The last write error, if the latest flush failed. */
    IOException failure() {
        return failure;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            notifyAll();
            t = flusher;
        }
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (writeLock) {
            flush();
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
