package dev.revisit.examples.shop.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** The orders table. */
public final class Orders {

    /** H2's SQL state for a foreign key that points nowhere. */
    private static final String NO_SUCH_PARENT = "23506";

    private final DataSource db;

    public Orders(DataSource db) {
        this.db = db;
    }

    /** The new order's id, or empty when the product does not exist (the insert fails on its foreign key). */
    public OptionalLong place(String customer, long productId, int quantity) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO orders (customer, product_id, quantity, status) VALUES (?, ?, ?, 'placed')",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, customer);
            insert.setLong(2, productId);
            insert.setInt(3, quantity);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return OptionalLong.of(keys.getLong(1));
            }
        } catch (SQLException e) {
            if (NO_SUCH_PARENT.equals(e.getSQLState())) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    public void confirm(long orderId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE orders SET status = 'confirmed' WHERE id = ?")) {
            update.setLong(1, orderId);
            update.executeUpdate();
        }
    }

    /**
     * How many orders a customer placed, and how many items: a scan of every order, since nothing
     * indexes orders by customer — the slow query the storage decision did not plan for.
     */
    public String summaryJson(String customer) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT COUNT(*), COALESCE(SUM(quantity), 0) FROM orders WHERE customer = ?")) {
            select.setString(1, customer);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return "{\"customer\":\"" + customer + "\",\"orders\":" + rs.getLong(1) + ",\"items\":" + rs.getLong(2) + "}";
            }
        }
    }
}
