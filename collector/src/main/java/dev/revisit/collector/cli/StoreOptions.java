package dev.revisit.collector.cli;

import dev.revisit.collector.store.MemoryStore;
import dev.revisit.collector.store.PersistentStore;
import dev.revisit.collector.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The options every command that reads signals shares: where the store lives. */
final class StoreOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "the store's data directory (default: ${DEFAULT-VALUE})")
    Path dataDir = PersistentStore.DEFAULT_DIRECTORY;

    /**
     * Reads an existing data directory without locking or writing it, so {@code evaluate} and
     * {@code report} work while {@code serve} holds the directory, and never create one by accident.
     */
    MemoryStore readExisting() throws IOException {
        if (!Files.isDirectory(dataDir)) {
            throw new IOException("no data directory at " + dataDir + " (start `serve --data-dir " + dataDir + "` first)");
        }
        return PersistentStore.readOnly(dataDir, StoreConfig.DEFAULT);
    }

    /** {@code --at}: an ISO-8601 instant, or {@code now}. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            if ("now".equals(value)) {
                return Instant.now();
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not an instant: write e.g. 2026-11-25T16:00:00Z, or now");
            }
        }
    }
}
