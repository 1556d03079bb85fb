package dev.revisit.collector.dashboards;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the files under test live: dashboards/ at the top of the checkout, beside collector/. */
final class Repository {

    private Repository() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("dashboards"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no dashboards/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path dashboards() {
        return root().resolve("dashboards");
    }

    static Path grafanaDashboards() {
        return dashboards().resolve("grafana/dashboards");
    }

    static Path prometheus() {
        return dashboards().resolve("prometheus");
    }
}
