package dev.revisit.examples.shop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's settings, from {@code --name value} arguments. The defaults are the demo's: the cache
 * size and the BCrypt cost are deliberately wrong for the load (examples/decisions/shop.yaml).
 */
public record ShopConfig(String host, int port, int products, int orders, int cacheSize, int bcryptCost,
                         int workers, String rabbitmq, String queue, long shippingMillis) {

    static final String USAGE = """
            usage: java -jar revisit-shop.jar [--port 8080] [--host 127.0.0.1] [--products 10000] [--orders 200000]
                   [--cache-size 500] [--bcrypt-cost 12] [--workers 4] [--rabbitmq amqp://guest:guest@127.0.0.1:5672]
                   [--queue shop.order-events] [--shipping-ms 500]""";

    public static ShopConfig parse(String... args) {
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
        ShopConfig config = new ShopConfig(
                text(given, "host", "127.0.0.1"),
                number(given, "port", 8080, 0, 65535),
                number(given, "products", 10_000, 100, 10_000_000),
                number(given, "orders", 200_000, 0, 100_000_000),
                number(given, "cache-size", 500, 1, 10_000_000),
                number(given, "bcrypt-cost", 12, 4, 31),
                number(given, "workers", 4, 1, 256),
                text(given, "rabbitmq", "amqp://guest:guest@127.0.0.1:5672"),
                text(given, "queue", "shop.order-events"),
                number(given, "shipping-ms", 500, 0, 60_000));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + given.keySet().iterator().next() + "\n" + USAGE);
        }
        return config;
    }

    private static String text(Map<String, String> given, String name, String fallback) {
        String value = given.remove(name);
        return value == null ? fallback : value;
    }

    private static int number(Map<String, String> given, String name, int fallback, int min, int max) {
        String value = given.remove(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException("--" + name + " must be " + min + " … " + max + ", got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    /** Asked for the usage: printed, exit 0. */
    public static final class Help extends IllegalArgumentException {
        Help(String usage) {
            super(usage);
        }
    }
}
