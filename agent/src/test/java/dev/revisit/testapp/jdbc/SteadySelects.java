package dev.revisit.testapp.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Point selects on H2 for a while: args: milliseconds. Prints how many it ran. */
public final class SteadySelects {
    public static void main(String[] args) throws SQLException {
        long millis = Long.parseLong(args[0]);
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:steady")) {
            c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            c.createStatement().execute("INSERT INTO t VALUES (1, 1)");
            long end = System.nanoTime() + millis * 1_000_000;
            long n = 0;
            while (System.nanoTime() < end) {
                try (PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
                    ps.setInt(1, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                    }
                }
                n++;
            }
            System.out.println("selects " + n);
        }
    }
}
