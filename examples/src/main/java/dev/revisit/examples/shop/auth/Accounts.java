package dev.revisit.examples.shop.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Customers' passwords, stored as BCrypt hashes. */
public final class Accounts {

    private final DataSource db;
    private final BCryptPasswordEncoder encoder;

    public Accounts(DataSource db, BCryptPasswordEncoder encoder) {
        this.db = db;
        this.encoder = encoder;
    }

    public static BCryptPasswordEncoder encoder(int cost) {
        return new BCryptPasswordEncoder(cost);
    }

    /** Whether {@code password} is the customer's; an unknown customer is simply not. */
    public boolean check(String customer, String password) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT password_hash FROM customers WHERE name = ?")) {
            select.setString(1, customer);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && encoder.matches(password, rs.getString(1));
            }
        }
    }
}
