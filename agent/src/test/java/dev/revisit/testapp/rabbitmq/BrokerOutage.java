package dev.revisit.testapp.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The broker goes away under a consumer, for the depth probe: the application reaches RabbitMQ
 * through a TCP relay that this program cuts and later restores on the same port, as a network
 * outage would. The consumer (prefetch 1, never acks) holds one message; automatic recovery
 * brings it back. Prints what the application saw.
 * args: {@code <queue> <pauseMillis>}: 300 messages before the outage, 200 more published
 * (on a direct connection) during it, so 299 then 499 are ready.
 */
public final class BrokerOutage {

    public static void main(String[] args) throws Exception {
        String queue = args[0];
        long pause = Long.parseLong(args[1]);
        Relay relay = new Relay(0);
        ConnectionFactory direct = factory(5672);
        ConnectionFactory relayed = factory(relay.port());
        relayed.setNetworkRecoveryInterval(200);
        try (Connection publisher = direct.newConnection(); Channel publishing = publisher.createChannel()) {
            publishing.queueDeclare(queue, false, false, false, null);
            try {
                Publish.confirmed(publishing, queue, 300);
                Connection connection = relayed.newConnection();
                CountDownLatch recovered = new CountDownLatch(1);
                ((Recoverable) connection).addRecoveryListener(new RecoveryListener() {
                    @Override
                    public void handleRecovery(Recoverable recoverable) {
                        recovered.countDown();
                    }

                    @Override
                    public void handleRecoveryStarted(Recoverable recoverable) {}
                });
                Channel channel = connection.createChannel();
                channel.basicQos(1);
                channel.basicConsume(queue, false, new DefaultConsumer(channel)); // holds one message, never acks
                Thread.sleep(pause);
                System.out.println("before the outage: consuming");

                relay.cut();
                Thread.sleep(pause);
                Publish.confirmed(publishing, queue, 200);
                System.out.println("during the outage: connection open " + connection.isOpen());
                Thread.sleep(pause);

                relay = new Relay(relay.port());
                if (!recovered.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the connection did not recover");
                }
                Thread.sleep(pause);
                System.out.println("after the outage: connection open " + connection.isOpen());
                connection.close();
            } finally {
                publishing.queueDelete(queue);
                relay.cut();
            }
        }
    }

    private static ConnectionFactory factory(int port) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        return factory;
    }

    /** Forwards each accepted connection to the broker; {@link #cut()} closes the port and every connection. */
    private static final class Relay {
        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        Relay(int port) throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", port));
            Thread acceptor = new Thread(this::accept, "relay-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = server.accept();
                    Socket broker = new Socket("127.0.0.1", 5672);
                    sockets.add(client);
                    sockets.add(broker);
                    pump(client, broker);
                    pump(broker, client);
                }
            } catch (IOException closed) {
                // cut
            }
        }

        private void pump(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException closed) {
                    // cut, or the other side closed
                } finally {
                    close(from);
                    close(to);
                }
            }, "relay-pump");
            thread.setDaemon(true);
            thread.start();
        }

        void cut() {
            close(server);
            sockets.forEach(Relay::close);
            sockets.clear();
        }

        private static void close(java.io.Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
