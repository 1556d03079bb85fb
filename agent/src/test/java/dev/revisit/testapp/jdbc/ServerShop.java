package dev.revisit.testapp.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shop against a real server through a HikariCP pool named {@code shop-pool}:
 * args: jdbcUrl user password table selects. Pool proxies wrap the driver's connections
 * and statements, so every operation exists twice underneath and must be counted once.
 */
public final class ServerShop {
    public static final String SECRET = "s3cr3t-server-literal";

    public static void main(String[] args) throws SQLException {
        String table = args[3];
        int selects = Integer.parseInt(args[4]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setPoolName("shop-pool");
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(40))");
                s.executeUpdate("INSERT INTO " + table + " (id, name) VALUES (1, '" + SECRET + "')");
            }
            int found = 0;
            for (int i = 0; i < selects; i++) {
                try (Connection c = pool.getConnection();
                     PreparedStatement ps = c.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
                    ps.setInt(1, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        found += rs.next() && rs.getString(1).equals(SECRET) ? 1 : 0;
                    }
                }
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + table);
            }
            System.out.println("found " + found);
        }
    }
}
