package dev.revisit.collector.catalog;

import java.util.Locale;
import java.util.Optional;

/** The seven areas a decision belongs to; every signal serves at least one. */
public enum Area {
    API, STORAGE, ASYNC, AUTH, CACHING, OBSERVABILITY, DEPLOYMENT;

    /** The name used in decision files: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Area> parse(String key) {
        for (Area area : values()) {
            if (area.key().equals(key)) {
                return Optional.of(area);
            }
        }
        return Optional.empty();
    }
}
