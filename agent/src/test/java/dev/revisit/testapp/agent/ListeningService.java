package dev.revisit.testapp.agent;

import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;

/**
 * A service that starts, listens on a socket (which makes it "ready"), collects garbage,
 * and pokes its own agent's Prometheus endpoint with requests it must refuse.
 */
public final class ListeningService {
    public static void main(String[] args) throws Exception {
        Thread.sleep(200); // some start-up work
        try (ServerSocket server = new ServerSocket(0)) {
            System.out.println("listening");
        }
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < 2_000; i++) {
            garbage[i % 64] = new byte[64 * 1024];
        }
        System.gc();
        String port = System.getProperty("revisit.prometheus.port");
        if (port != null) {
            System.out.println("GET /nope " + status("GET", "http://127.0.0.1:" + port + "/nope"));
            System.out.println("POST /metrics " + status("POST", "http://127.0.0.1:" + port + "/metrics"));
            System.out.println("HEAD /metrics " + status("HEAD", "http://127.0.0.1:" + port + "/metrics"));
        }
    }

    private static int status(String method, String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setRequestMethod(method);
        if (method.equals("POST")) {
            c.setDoOutput(true);
            c.getOutputStream().write("x".getBytes());
        }
        int status = c.getResponseCode();
        c.disconnect();
        return status;
    }
}
