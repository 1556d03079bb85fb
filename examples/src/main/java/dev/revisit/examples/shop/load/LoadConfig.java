package dev.revisit.examples.shop.load;

import dev.revisit.examples.shop.Options;
import java.net.URI;
import java.time.Duration;

/** How much load, for how long, against which shop. */
public record LoadConfig(URI target, Duration duration, int users, int rate, int products, Duration progressEvery) {

    static final String USAGE = """
            usage: java -cp revisit-shop.jar dev.revisit.examples.shop.load.LoadDriver [--target http://127.0.0.1:8080]
                   [--duration 60s] [--users 4] [--rate 80] [--products 10000] [--progress 5s]""";

    public static LoadConfig parse(String... args) {
        Options given = Options.parse(USAGE, args);
        LoadConfig config = new LoadConfig(
                URI.create(given.take("target", "http://127.0.0.1:8080").replaceAll("/+$", "")),
                seconds(given.take("duration", "60s"), "duration"),
                whole(given.take("users", "4"), "users", 1, 256),
                whole(given.take("rate", "80"), "rate", 1, 100_000),
                whole(given.take("products", "10000"), "products", 100, 10_000_000),
                seconds(given.take("progress", "5s"), "progress"));
        given.requireAllTaken();
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
}
