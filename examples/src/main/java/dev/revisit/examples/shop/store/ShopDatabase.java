package dev.revisit.examples.shop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * An in-memory H2 database behind H2's own connection pool, created and seeded at start: products,
 * customers and a history of orders. One product row is broken (no price) the way real catalogs
 * have a bad row, and orders are not indexed by customer.
 */
public final class ShopDatabase implements AutoCloseable {

    /** The product whose row lacks a price: reading it fails in the application, a 500. */
    public static final long BROKEN_PRODUCT = 13;
    public static final int CUSTOMERS = 50;

    private final JdbcConnectionPool pool;

    private ShopDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Creates the schema and the seed rows; {@code passwordHash} becomes every customer's. */
    public static ShopDatabase create(int products, int orders, String passwordHash) throws SQLException {
        // A unique name per process: two shops in one JVM (tests) get two databases.
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:mem:shop-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(8);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE products (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, price DECIMAL(10, 2))");
            s.execute("CREATE TABLE customers (name VARCHAR(40) PRIMARY KEY, password_hash VARCHAR(100) NOT NULL)");
            s.execute("CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer VARCHAR(40) NOT NULL, "
                    + "product_id BIGINT NOT NULL REFERENCES products(id), quantity INT NOT NULL, "
                    + "status VARCHAR(20) NOT NULL)");
            s.execute("INSERT INTO products SELECT x, 'product ' || x, CASEWHEN(x = " + BROKEN_PRODUCT
                    + ", NULL, 1 + MOD(x * 7919, 20000) / 100.0) FROM SYSTEM_RANGE(1, " + products + ")");
            s.execute("INSERT INTO orders (customer, product_id, quantity, status) SELECT 'customer-' || (1 + MOD(x, "
                    + CUSTOMERS + ")), 1 + MOD(x * 31, " + products + "), 1 + MOD(x, 3), 'shipped' FROM SYSTEM_RANGE(1, "
                    + orders + ")");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO customers VALUES (?, ?)")) {
                for (int i = 1; i <= CUSTOMERS; i++) {
                    insert.setString(1, "customer-" + i);
                    insert.setString(2, passwordHash);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            pool.dispose();
            throw e;
        }
        return new ShopDatabase(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
