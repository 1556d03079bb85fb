package dev.revisit.agent;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Makes {@code dev.revisit.agent.bootstrap} visible to every class loader: writes that
 * package as a small jar to the temp directory and appends it to the bootstrap search path.
 * The build packs that jar into the agent jar ({@link #NESTED}), so premain only copies one
 * resource; scanning the agent jar for the classes is the fallback. Must run before anything
 * touches a bootstrap class, or the application class loader would define its own copy.
 */
final class BootstrapInjector {
    static final String PREFIX = "dev/revisit/agent/bootstrap/";
    /** Built by agent/pom.xml (maven-jar-plugin, execution bootstrap-jar); %s is the project version. */
    static final String NESTED = "META-INF/revisit/revisit-agent-%s-bootstrap.jar";

    private BootstrapInjector() {}

    static void inject(Instrumentation instrumentation) throws IOException {
        // Plain java.io and no createTempFile (its SecureRandom loads the security providers):
        // this runs on the application's main thread, where every class loaded costs start-up time.
        File file = new File(System.getProperty("java.io.tmpdir"),
                "revisit-bootstrap-" + System.nanoTime() + "-" + System.identityHashCode(new Object()) + ".jar");
        file.deleteOnExit();
        if (!copyNested(file)) {
            extract(agentJar(), file.toPath());
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(file));
    }

    private static boolean copyNested(File target) throws IOException {
        String version = RevisitAgent.class.getPackage().getImplementationVersion();
        if (version == null) {
            return false;
        }
        try (InputStream nested = RevisitAgent.class.getClassLoader().getResourceAsStream(String.format(NESTED, version))) {
            if (nested == null) {
                return false;
            }
            try (FileOutputStream out = new FileOutputStream(target)) {
                nested.transferTo(out);
            }
            return true;
        }
    }

    private static void extract(Path agentJar, Path target) throws IOException {
        int copied = 0;
        try (JarFile source = new JarFile(agentJar.toFile(), false);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(PREFIX) && entry.getName().endsWith(".class")) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                    copied++;
                }
            }
        }
        if (copied == 0) {
            throw new IOException("no bootstrap classes in " + agentJar);
        }
    }

    private static Path agentJar() throws IOException {
        try {
            Path path = Path.of(RevisitAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(path)) {
                throw new IOException("the agent must run from its jar, not from " + path);
            }
            return path;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IOException("cannot locate the agent jar", e);
        }
    }
}
