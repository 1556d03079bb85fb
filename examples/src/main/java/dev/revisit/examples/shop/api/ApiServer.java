package dev.revisit.examples.shop.api;

import com.sun.net.httpserver.HttpServer;
import dev.revisit.examples.shop.auth.Accounts;
import dev.revisit.examples.shop.auth.Tokens;
import dev.revisit.examples.shop.catalog.Products;
import dev.revisit.examples.shop.orders.OrderProcessor;
import dev.revisit.examples.shop.orders.Orders;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK HTTP server with the API's three contexts (the agent's {@code http.route}s). */
public final class ApiServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private ApiServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static ApiServer start(String host, int port, Accounts accounts, Tokens tokens, Products products,
                                  Orders orders, OrderProcessor processor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 100);
        server.createContext("/v1/login", new LoginEndpoint(accounts, tokens));
        server.createContext("/v1/products", new ProductsEndpoint(tokens, products));
        server.createContext("/v1/orders", new OrdersEndpoint(tokens, orders, processor));
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "http-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
        return new ApiServer(server, threads);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
