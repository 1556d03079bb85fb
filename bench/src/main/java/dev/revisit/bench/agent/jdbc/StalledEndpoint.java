package dev.revisit.bench.agent.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * An OTLP endpoint that accepts connections and never answers: the worst case for an
 * exporter (every push waits for its timeout), worse than a refused connection.
 */
final class StalledEndpoint implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new ArrayList<>();

    StalledEndpoint() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::holdConnections, "stalled-otlp-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1/metrics";
    }

    private void holdConnections() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (held) {
                    held.add(socket); // kept open, never read: the client waits until its timeout
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (held) {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
