package dev.revisit.examples.shop;

import dev.revisit.examples.shop.store.ShopDatabase;
import java.util.concurrent.CountDownLatch;

/** Starts the shop and serves until the process is stopped. */
public final class ShopMain {

    private ShopMain() {}

    public static void main(String[] args) throws Exception {
        ShopConfig config = Options.forMain(ShopConfig::parse, args);
        if (config == null) {
            return;
        }
        Shop shop = Shop.start(config);
        System.out.printf("shop: %,d products, %,d orders, product cache of %,d entries, BCrypt cost %d, %d order workers%n",
                config.products(), config.orders(), config.cacheSize(), config.bcryptCost(), config.workers());
        System.out.println("shop: " + shop.events());
        System.out.printf("shop: ready on http://%s:%d (users customer-1 … customer-%d, password '%s')%n",
                config.host(), shop.port(), ShopDatabase.CUSTOMERS, Shop.PASSWORD);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                shop.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }, "shop-shutdown"));
        stopped.await();
    }
}
