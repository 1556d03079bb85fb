package dev.revisit.examples.shop.load;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How much load, for how long, against which shop. */
public record LoadConfig(URI target, Duration duration, int users, int rate, int products, Duration progressEvery) {

    static final String USAGE = """
            usage: java -cp revisit-shop.jar dev.revisit.examples.shop.load.LoadDriver [--target http://127.0.0.1:8080]
                   [--duration 60s] [--users 4] [--rate 80] [--products 10000] [--progress 5s]""";

    public static LoadConfig parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        if (List.of(args).contains("--help")) {
            throw new Help(USAGE);
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'\n" + USAGE);
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        LoadConfig config = new LoadConfig(
                URI.create(given.getOrDefault("target", "http://127.0.0.1:8080").replaceAll("/+$", "")),
                seconds(given.getOrDefault("duration", "60s"), "duration"),
                whole(given.getOrDefault("users", "4"), "users", 1, 256),
                whole(given.getOrDefault("rate", "80"), "rate", 1, 100_000),
                whole(given.getOrDefault("products", "10000"), "products", 100, 10_000_000),
                seconds(given.getOrDefault("progress", "5s"), "progress"));
        given.keySet().removeAll(List.of("target", "duration", "users", "rate", "products", "progress"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + given.keySet().iterator().next() + "\n" + USAGE);
        }
        return config;
    }

    private static Duration seconds(String text, String name) {
        if (!text.matches("\\d{1,6}s")) {
            throw new IllegalArgumentException("--" + name + " must be whole seconds such as 60s, got '" + text + "'");
        }
        long s = Long.parseLong(text.substring(0, text.length() - 1));
        if (s == 0) {
            throw new IllegalArgumentException("--" + name + " must be at least 1s");
        }
        return Duration.ofSeconds(s);
    }

    private static int whole(String text, String name, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--" + name + " must be " + min + " … " + max + ", got '" + text + "'");
    }

    /** Asked for the usage: printed, exit 0. */
    public static final class Help extends IllegalArgumentException {
        Help(String usage) {
            super(usage);
        }
    }
}
