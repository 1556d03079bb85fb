package dev.revisit.bench.agent.startup;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The footprint benchmark's program: figures of the agent's start that do not depend on the
 * machine's load, for {@code bench/scripts/agent-footprint.sh}. Waits until the agent (if
 * attached) has installed, then reports the classes loaded, the heap in use, the main thread's
 * allocation so far (premain and the JVM's own start), then loads every class of one library
 * without initialising it — each passes the agent's matchers, as every class of an application
 * that starts after the install does — and reports that stretch's main-thread allocation and
 * loaded classes, and the heap in use after a full GC (what the agent keeps).
 * Args: the library's package as a path prefix in the class path's jar (default {@code org/h2/}).
 * Output: one line of {@code key=value}.
 */
public final class InstallFootprint {
    private InstallFootprint() {}

    public static void main(String[] args) throws Exception {
        String prefix = args.length > 0 ? args[0] : "org/h2/";
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var classes = ManagementFactory.getClassLoadingMXBean();
        long mainAllocatedAtStart = threads.getCurrentThreadAllocatedBytes();
        AgentProbe.awaitInstalled(300_000);
        long loadedAfterInstall = classes.getTotalLoadedClassCount();
        long heapAfterInstall = heapUsed();

        List<String> names = classNames(prefix);
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long loadedBefore = classes.getTotalLoadedClassCount();
        int failed = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, InstallFootprint.class.getClassLoader());
            } catch (LinkageError | ClassNotFoundException optionalDependencyMissing) {
                failed++;
            }
        }
        long libraryAllocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long libraryLoaded = classes.getTotalLoadedClassCount() - loadedBefore;

        System.gc();
        System.out.printf("main_allocated_at_start=%d classes_after_install=%d heap_used_after_install=%d"
                        + " library_classes=%d library_failed=%d library_loaded=%d library_main_allocated=%d heap_used_after_gc=%d%n",
                mainAllocatedAtStart, loadedAfterInstall, heapAfterInstall,
                names.size(), failed, libraryLoaded, libraryAllocated, heapUsed());
    }

    /** G1's memory beans count eden only as of the last GC; the runtime's figure counts what is allocated now. */
    private static long heapUsed() {
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    /** The classes under {@code prefix} in the jar this program runs from, sorted so every run loads them in one order. */
    private static List<String> classNames(String prefix) throws Exception {
        Path jar = Path.of(new URI(InstallFootprint.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith(prefix) && name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no classes under " + prefix + " in " + jar);
        }
        Collections.sort(names);
        return names;
    }
}
