package dev.revisit.examples.shop.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads products: from the cache, else by primary key from the database. */
public final class Products {

    private final DataSource db;
    private final ProductCache cache;

    public Products(DataSource db, ProductCache cache) {
        this.db = db;
        this.cache = cache;
    }

    public Optional<Product> find(long id) {
        return cache.get(id, this::load);
    }

    private Optional<Product> load(long id) {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, name, price FROM products WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Product(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("product " + id + ": " + e.getMessage(), e);
        }
    }
}
