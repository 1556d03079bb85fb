package dev.revisit.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Makes {@code dev.revisit.agent.bootstrap} visible to every class loader: copies that package
 * out of the agent jar into a small temporary jar and appends it to the bootstrap search
 * path. Must run before anything touches a bootstrap class, or the application class loader
 * would define its own copy.
 */
final class BootstrapInjector {
    static final String PREFIX = "dev/revisit/agent/bootstrap/";

    private BootstrapInjector() {}

    static void inject(Instrumentation instrumentation) throws IOException {
        Path agentJar = agentJar();
        Path bootstrapJar = Files.createTempFile("revisit-bootstrap-", ".jar");
        File file = bootstrapJar.toFile();
        file.deleteOnExit();
        int copied = 0;
        try (JarFile source = new JarFile(agentJar.toFile(), false);
             JarOutputStream target = new JarOutputStream(Files.newOutputStream(bootstrapJar))) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(PREFIX) && entry.getName().endsWith(".class")) {
                    target.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(target);
                    }
                    target.closeEntry();
                    copied++;
                }
            }
        }
        if (copied == 0) {
            throw new IOException("no bootstrap classes in " + agentJar);
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(file));
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
