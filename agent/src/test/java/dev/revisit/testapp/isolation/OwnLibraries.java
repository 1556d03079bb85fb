package dev.revisit.testapp.isolation;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.metrics.LongCounter;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * An application that bundles its own Byte Buddy and OpenTelemetry API, in other versions
 * than the agent's, uses both, and talks to H2. Prints which jars it got them from.
 */
public final class OwnLibraries {
    public static void main(String[] args) throws Exception {
        Class<?> generated = new ByteBuddy().subclass(Object.class)
                .method(named("toString")).intercept(FixedValue.value("made by the app's own Byte Buddy"))
                .make().load(OwnLibraries.class.getClassLoader()).getLoaded();
        System.out.println(generated.getDeclaredConstructor().newInstance());
        System.out.println("byte-buddy from " + jarOf(ByteBuddy.class));
        LongCounter counter = GlobalOpenTelemetry.getMeter("app").counterBuilder("app.requests").build();
        counter.add(1);
        System.out.println("opentelemetry-api from " + jarOf(GlobalOpenTelemetry.class));
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:own")) {
            c.createStatement().execute("CREATE TABLE t (id INT)");
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM t WHERE id = ?")) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    System.out.println("rows " + (rs.next() ? 1 : 0));
                }
            }
        }
    }

    private static String jarOf(Class<?> type) {
        String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
