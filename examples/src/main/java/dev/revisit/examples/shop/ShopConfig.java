package dev.revisit.examples.shop;

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
        Options given = Options.parse(USAGE, args);
        ShopConfig config = new ShopConfig(
                given.take("host", "127.0.0.1"),
                number(given, "port", 8080, 0, 65535),
                number(given, "products", 10_000, 100, 10_000_000),
                number(given, "orders", 200_000, 0, 100_000_000),
                number(given, "cache-size", 500, 1, 10_000_000),
                number(given, "bcrypt-cost", 12, 4, 31),
                number(given, "workers", 4, 1, 256),
                given.take("rabbitmq", "amqp://guest:guest@127.0.0.1:5672"),
                given.take("queue", "shop.order-events"),
                number(given, "shipping-ms", 500, 0, 60_000));
        given.requireAllTaken();
        return config;
    }

    private static int number(Options given, String name, int fallback, int min, int max) {
        String value = given.take(name, null);
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
}
