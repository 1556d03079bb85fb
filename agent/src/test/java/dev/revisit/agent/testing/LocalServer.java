package dev.revisit.agent.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Tests that need a local server: skipped when it is down, but failed when {@code CI=true}. */
public final class LocalServer {
    private LocalServer() {}

    public static void require(String name, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
        } catch (IOException down) {
            String message = name + " is not listening on 127.0.0.1:" + port + " (bash .ci/services starts it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message + "; CI=true, so this is a failure");
            }
            Assumptions.abort(message);
        }
    }
}
