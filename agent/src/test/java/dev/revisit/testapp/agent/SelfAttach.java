package dev.revisit.testapp.agent;

import com.sun.tools.attach.VirtualMachine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A running application that gets the agent attached late (agentmain): 50 selects before,
 * with H2's classes already loaded, and 70 after. args: agentJar
 */
public final class SelfAttach {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:late")) {
            c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY)");
            selects(c, "before_attach", 50);
            VirtualMachine vm = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
            try {
                vm.loadAgent(args[0]);
            } finally {
                vm.detach();
            }
            Class<?> status = Class.forName("dev.revisit.agent.bootstrap.AgentStatus", true, null);
            if (!Boolean.TRUE.equals(status.getMethod("awaitInstalled", long.class).invoke(null, 60_000L))) {
                throw new IllegalStateException("agent did not install");
            }
            selects(c, "after_attach", 70);
        }
    }

    private static void selects(Connection c, String alias, int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id AS " + alias + " FROM t WHERE id = ?")) {
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
    }
}
