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
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The shop's parts wired together and serving; closing stops them in reverse order. */
public final class Shop implements AutoCloseable {

    /** Every seeded customer's password (customer-1 … customer-50). */
    public static final String PASSWORD = "demo";

    private final ShopDatabase database;
    private final OrderEvents events;
    private final OrderProcessor processor;
    private final ApiServer api;

    private Shop(ShopDatabase database, OrderEvents events, OrderProcessor processor, ApiServer api) {
        this.database = database;
        this.events = events;
        this.processor = processor;
        this.api = api;
    }

    public static Shop start(ShopConfig config) throws SQLException, IOException {
        BCryptPasswordEncoder encoder = Accounts.encoder(config.bcryptCost());
        ShopDatabase database = ShopDatabase.create(config.products(), config.orders(), encoder.encode(PASSWORD));
        OrderEvents events = RabbitOrderEvents.connect(config.rabbitmq(), config.queue(), config.shippingMillis());
        Orders orders = new Orders(database.dataSource());
        OrderProcessor processor = new OrderProcessor(orders, events, config.workers());
        ApiServer api = ApiServer.start(config.host(), config.port(),
                new Accounts(database.dataSource(), encoder), new Tokens(Duration.ofMinutes(5), Clock.systemUTC()),
                new Products(database.dataSource(), new ProductCache(config.cacheSize())), orders, processor);
        return new Shop(database, events, processor, api);
    }

    public int port() {
        return api.port();
    }

    /** Where order events go, or why they do not. */
    public String events() {
        return events.describe();
    }

    @Override
    public void close() throws InterruptedException {
        api.close();
        processor.close();
        events.close();
        database.close();
    }
}
