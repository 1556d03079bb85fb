package dev.revisit.collector.engine;

import dev.revisit.collector.decisions.DecisionsException;
import dev.revisit.collector.decisions.DecisionsFile;
import dev.revisit.collector.decisions.DecisionsReader;
import dev.revisit.collector.decisions.Problem;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * The decisions file in force, re-read when it changes on disk (modification time or size). A
 * new version that has mistakes does not take effect: the previous one stays in force and the
 * mistakes are logged, each as {@code file:line:column: message}. Polling rather than a
 * WatchService: editors that save by renaming and files on mounted volumes are seen the same way.
 */
public final class DecisionsWatch {

    private static final Logger LOG = System.getLogger(DecisionsWatch.class.getName());

    private final Path path;
    private final DecisionsReader reader;
    private volatile DecisionsFile current;
    private volatile List<Problem> rejected = List.of();
    private FileTime seenTime;
    private long seenSize;

    /** Reads the file; it must be valid to start with. */
    public DecisionsWatch(Path path, DecisionsReader reader) throws IOException, DecisionsException {
        this.path = path;
        this.reader = reader;
        FileTime time = Files.getLastModifiedTime(path);
        long size = Files.size(path);
        this.current = reader.read(path);
        this.seenTime = time;
        this.seenSize = size;
    }

    public DecisionsFile current() {
        return current;
    }

    /** The mistakes of the last version that was rejected, while the previous one stays in force; else empty. */
    public List<Problem> rejected() {
        return rejected;
    }

    /** Re-reads the file if it changed; true when a new version took effect. */
    public synchronized boolean poll() {
        FileTime time;
        long size;
        try {
            time = Files.getLastModifiedTime(path);
            size = Files.size(path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read {0}, keeping the decisions in force: {1}", path, e.toString());
            return false;
        }
        if (time.equals(seenTime) && size == seenSize) {
            return false;
        }
        seenTime = time;
        seenSize = size;
        try {
            DecisionsFile next = reader.read(path);
            current = next;
            rejected = List.of();
            LOG.log(Level.INFO, "reloaded {0}: {1} decisions, {2} assumptions", path, next.decisions().size(),
                    next.assumptionCount());
            return true;
        } catch (DecisionsException e) {
            rejected = e.problems();
            LOG.log(Level.WARNING, "{0} has {1} mistake(s); the previous version stays in force:\n{2}", path,
                    e.problems().size(), e.getMessage());
            return false;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read {0}, keeping the decisions in force: {1}", path, e.toString());
            return false;
        }
    }
}
