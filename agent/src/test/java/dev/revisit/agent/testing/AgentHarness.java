package dev.revisit.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a small test program in a child JVM with the built agent jar attached and captures
 * what it exported — over OTLP to an {@link OtlpReceiver}, and (when asked) from the agent's
 * Prometheus endpoint, scraped after the program's {@code main} returned.
 * <pre>{@code
 * AgentRun run = AgentHarness.run(MyProgram.class, Map.of("revisit.x", "y"), "arg");
 * run.otlp().metric("db.client.operation.duration").withAttr("db.operation.name", "SELECT").count();
 * AgentRun both = AgentHarness.builder(MyProgram.class).prometheus().run();
 * }</pre>
 * The child uses this JVM's own java (so the JDK 25 test run exercises JDK 25), and this
 * JVM's test class path minus the agent's own classes and dependencies: a program sees
 * only what an application would.
 */
public final class AgentHarness {
    /** Set by failsafe (agent/pom.xml); tests that need the jar run in the integration-test phase, after package. */
    public static final String AGENT_JAR_PROPERTY = "revisit.agent.jar";

    private AgentHarness() {}

    public static AgentRun run(Class<?> program, Map<String, String> agentProperties, String... args) {
        return builder(program).properties(agentProperties).args(args).run();
    }

    public static Builder builder(Class<?> program) {
        return new Builder(program);
    }

    public static Path agentJar() {
        String jar = System.getProperty(AGENT_JAR_PROPERTY);
        if (jar == null) {
            Path guess = Path.of("target", "revisit-agent.jar");
            if (Files.isRegularFile(guess)) {
                return guess.toAbsolutePath();
            }
            throw new IllegalStateException("no agent jar: run through `mvn verify` (failsafe sets " + AGENT_JAR_PROPERTY + ")");
        }
        return Path.of(jar);
    }

    public static final class Builder {
        private final Class<?> program;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<Path> extraClasspath = new ArrayList<>();
        private final List<String> droppedClasspath = new ArrayList<>();
        private List<Path> onlyClasspath;
        private String[] args = new String[0];
        private boolean prometheus;
        private boolean attachAgent = true;
        private OtlpReceiver receiver;
        private Duration timeout = Duration.ofSeconds(90);

        private Builder(Class<?> program) {
            this.program = program;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /** Jars or directories put in front of the program's class path (e.g. libraries in other versions). */
        public Builder classpath(Path entry) {
            extraClasspath.add(entry);
            return this;
        }

        /**
         * Leaves test class path entries whose path contains {@code fragment} (e.g. {@code "/com/rabbitmq/"})
         * out of the program's class path: neither the agent nor the system class loader can see them,
         * as with a library the application loads itself (a Spring Boot jar's nested jars).
         */
        public Builder withoutClasspath(String fragment) {
            droppedClasspath.add(fragment);
            return this;
        }

        /**
         * Runs the program on exactly these entries (and the harness's own classes) instead of the
         * test class path: another generation of its libraries, see {@link ProgramCompiler}.
         */
        public Builder onlyClasspath(List<Path> entries) {
            this.onlyClasspath = List.copyOf(entries);
            return this;
        }

        public Builder args(String... values) {
            this.args = values;
            return this;
        }

        /** Also enable the Prometheus endpoint and scrape it once the program's main returned. */
        public Builder prometheus() {
            this.prometheus = true;
            return this;
        }

        /** Run without the agent: the baseline for "behaves exactly as without the agent". */
        public Builder withoutAgent() {
            this.attachAgent = false;
            return this;
        }

        /** Use this receiver (e.g. one that fails or is slow) instead of a fresh, healthy one. */
        public Builder receiver(OtlpReceiver custom) {
            this.receiver = custom;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public AgentRun run() {
            boolean ownReceiver = receiver == null;
            try {
                OtlpReceiver otlp = ownReceiver ? new OtlpReceiver() : receiver;
                try {
                    return launch(otlp);
                } finally {
                    if (ownReceiver) {
                        otlp.close();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private AgentRun launch(OtlpReceiver otlp) throws IOException, InterruptedException {
            int prometheusPort = prometheus ? freePort() : -1;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (attachAgent) {
                command.add("-javaagent:" + agentJar());
            }
            Map<String, String> props = new LinkedHashMap<>();
            props.put("revisit.exporter", prometheus ? "otlp,prometheus" : "otlp");
            props.put("revisit.otlp.endpoint", otlp.endpoint());
            props.put("revisit.export.interval.ms", "60000");
            if (prometheus) {
                props.put("revisit.prometheus.port", Integer.toString(prometheusPort));
            }
            props.putAll(properties);
            props.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(childClasspath());
            command.add(HarnessMain.class.getName());
            command.add(prometheus ? "--hold" : "--no-hold");
            command.add(program.getName());
            command.addAll(List.of(args));

            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().keySet().removeIf(k -> k.startsWith("REVISIT_") || k.startsWith("OTEL_"));
            pb.environment().putAll(environment);
            Process process = pb.start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            StringBuilder stdout = new StringBuilder();
            CountDownLatch holding = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.equals(HarnessMain.HOLDING)) {
                            holding.countDown();
                        } else {
                            synchronized (stdout) {
                                stdout.append(line).append('\n');
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "harness-stdout");
            reader.start();

            String scrape = null;
            String scrapeError = null;
            long deadline = System.nanoTime() + timeout.toNanos();
            if (prometheus) {
                while (!holding.await(100, TimeUnit.MILLISECONDS)) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        break;
                    }
                }
                if (holding.getCount() == 0) {
                    try {
                        scrape = scrape(prometheusPort);
                    } catch (IOException e) {
                        scrapeError = "scraping http://127.0.0.1:" + prometheusPort + "/metrics failed: " + e;
                    }
                } else {
                    scrapeError = "the program never reached the point of holding for a scrape";
                }
                process.getOutputStream().close();
            }
            if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                reader.join(5_000);
                throw new AssertionError("child JVM did not finish within " + timeout + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr.join());
            }
            reader.join(5_000);
            String out;
            synchronized (stdout) {
                out = stdout.toString();
            }
            return new AgentRun(process.exitValue(), out, stderr.join(), new ExportedMetrics(otlp.requests()),
                    scrape == null ? null : new PrometheusScrape(scrape), scrapeError, command);
        }

        private String childClasspath() {
            List<String> entries = new ArrayList<>();
            extraClasspath.forEach(p -> entries.add(p.toString()));
            if (onlyClasspath != null) {
                onlyClasspath.forEach(p -> entries.add(p.toString()));
                entries.add(ownLocation().toString());
                return String.join(File.pathSeparator, entries);
            }
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!isAgentOwn(entry) && droppedClasspath.stream().noneMatch(entry.replace('\\', '/')::contains)) {
                    entries.add(entry);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
    }

    /** Where the harness's classes are (the test classes): {@link HarnessMain} starts every program. */
    static Path ownLocation() {
        try {
            return Path.of(HarnessMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The agent's unshaded classes and dependencies: in the child they come only from the agent jar, shaded. */
    static boolean isAgentOwn(String entry) {
        String path = entry.replace('\\', '/');
        return path.endsWith("/target/classes") || path.endsWith("/target/classes/") || path.matches(".*/target/revisit-agent[^/]*\\.jar")
                || path.contains("/net/bytebuddy/") || path.contains("/io/opentelemetry/")
                || path.contains("/io/prometheus/") || path.contains("/com/google/protobuf/")
                || path.contains("/org/junit/") || path.contains("/org/opentest4j/") || path.contains("/org/apiguardian/");
    }

    private static String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("Prometheus endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
