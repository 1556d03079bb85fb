package dev.revisit.testapp.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small H2 application: creates a table, inserts rows carrying a recognisable secret,
 * runs N point selects through prepared statements, one plain-statement select with a
 * literal, and a batch. args: [selects]
 */
public final class H2Shop {
    public static final String SECRET = "s3cr3t-literal";

    public static void main(String[] args) throws SQLException {
        int selects = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40))");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?)")) {
                for (int i = 0; i < 10; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, SECRET + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            long found = 0;
            for (int i = 0; i < selects; i++) {
                try (PreparedStatement select = c.prepareStatement("SELECT name FROM items WHERE id = ?")) {
                    select.setInt(1, i % 10);
                    try (ResultSet rs = select.executeQuery()) {
                        found += rs.next() ? 1 : 0;
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM items WHERE name = '" + SECRET + "3'")) {
                found += rs.next() ? 1 : 0;
            }
            System.out.println("found " + found);
        }
    }
}
