package dev.revisit.agent.testing;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Compiles test programs from {@code src/test/java} against another generation of their
 * libraries (a directory of jars that agent/pom.xml copies at pre-integration-test), so one
 * program's source runs on Spring Security 5.8 as on 7.0. For the javax generation the source's
 * {@code jakarta.servlet} becomes {@code javax.servlet}: the same rename the Servlet API made.
 * The output is kept under {@code target/} and reused by the second JDK's run.
 */
public final class ProgramCompiler {
    private ProgramCompiler() {}

    /** The jars in a library set directory named by system property {@code property} (set by failsafe). */
    public static List<Path> libraries(String property) {
        Path dir = Path.of(System.getProperty(property, "target/" + property.replace("revisit.", "").replace('.', '-')));
        try (Stream<Path> jars = Files.list(dir)) {
            List<Path> all = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (all.isEmpty()) {
                throw new AssertionError("no jars in " + dir);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("no library set at " + dir + " (copied by mvn verify at pre-integration-test)", e);
        }
    }

    /**
     * @param name     the output directory's name under {@code target/compiled-programs}
     * @param javax    rename {@code jakarta.servlet} to {@code javax.servlet} in the sources
     * @param sources  paths under {@code src/test/java}
     * @return the directory of compiled classes, to put first on the program's class path
     */
    public static synchronized Path compile(String name, List<Path> libraries, boolean javax, String... sources) {
        Path root = Path.of(System.getProperty("revisit.test.sources", "src/test/java"));
        Path out = Path.of("target", "compiled-programs", name).toAbsolutePath();
        Path done = out.resolve(".compiled");
        try {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String source : sources) {
                String text = Files.readString(root.resolve(source), StandardCharsets.UTF_8);
                texts.put(source, javax ? text.replace("jakarta.servlet", "javax.servlet") : text);
            }
            String stamp = Integer.toHexString(Objects.hash(texts, libraries));
            if (Files.exists(done) && Files.readString(done).equals(stamp)) {
                return out; // compiled by the other JDK's run, from the same sources
            }
            deleteAll(out);
            Path src = out.resolve("src");
            Files.createDirectories(src);
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-proc:none", "-nowarn",
                    "-encoding", "UTF-8", "-cp", String.join(File.pathSeparator, libraries.stream().map(Path::toString).toList())));
            for (Map.Entry<String, String> source : texts.entrySet()) {
                Path copy = src.resolve(source.getKey());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, source.getValue(), StandardCharsets.UTF_8);
                args.add(copy.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = javac.run(null, null, new PrintStream(errors, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
            if (status != 0) {
                throw new AssertionError("compiling " + name + " failed:\n" + errors.toString(StandardCharsets.UTF_8));
            }
            Files.writeString(done, stamp);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
