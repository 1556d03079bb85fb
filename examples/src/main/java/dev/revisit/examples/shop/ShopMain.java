package dev.revisit.examples.shop;

import dev.revisit.examples.shop.api.ApiServer;
import dev.revisit.examples.shop.auth.Accounts;
import dev.revisit.examples.shop.auth.Tokens;
import dev.revisit.examples.shop.catalog.ProductCache;
import dev.revisit.examples.shop.catalog.Products;
import dev.revisit.examples.shop.orders.OrderEvents;
import dev.revisit.examples.shop.orders.OrderProcessor;
import dev.revisit.examples.shop.orders.Orders;
import dev.revisit.examples.shop.orders.RabbitOrderEvents;
import dev.revisit.examples.shop.store.ShopDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Starts the shop and serves until the process is stopped. */
public final class ShopMain {

    /** Every seeded customer's password (customer-1 … customer-50). */
    public static final String PASSWORD = "demo";

    private ShopMain() {}

    public static void main(String[] args) throws Exception {
        ShopConfig config;
        try {
            config = ShopConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BCryptPasswordEncoder encoder = Accounts.encoder(config.bcryptCost());
        ShopDatabase database = ShopDatabase.create(config.products(), config.orders(), encoder.encode(PASSWORD));
        OrderEvents events = RabbitOrderEvents.connect(config.rabbitmq(), config.queue(), config.shippingMillis());
        Orders orders = new Orders(database.dataSource());
        OrderProcessor processor = new OrderProcessor(orders, events, config.workers());
        ApiServer api = ApiServer.start(config.host(), config.port(),
                new Accounts(database.dataSource(), encoder), new Tokens(Duration.ofMinutes(5), Clock.systemUTC()),
                new Products(database.dataSource(), new ProductCache(config.cacheSize())), orders, processor);

        System.out.printf("shop: %,d products, %,d orders, product cache of %,d entries, BCrypt cost %d, %d order workers%n",
                config.products(), config.orders(), config.cacheSize(), config.bcryptCost(), config.workers());
        System.out.println("shop: " + events.describe());
        System.out.printf("shop: ready on http://%s:%d (users customer-1 … customer-%d, password '%s')%n",
                config.host(), api.port(), ShopDatabase.CUSTOMERS, PASSWORD);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            try {
                processor.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.close();
            database.close();
            stopped.countDown();
        }, "shop-shutdown"));
        stopped.await();
    }
}
