package dev.revisit.examples.shop.load;

import dev.revisit.examples.shop.Options;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Drives the shop for a while, printing progress; exits 1 when the shop never answered. */
public final class LoadDriver {

    private LoadDriver() {}

    public static void main(String[] args) throws InterruptedException {
        LoadConfig config = Options.forMain(LoadConfig::parse, args);
        if (config == null) {
            return;
        }
        Tally tally = run(config, System.out);
        System.exit(tally.count(200, 299) > 0 ? 0 : 1);
    }

    /** Runs the load to its end; the tally of what the shop answered. */
    public static Tally run(LoadConfig config, PrintStream out) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        awaitShop(http, config, out);
        Tally tally = new Tally();
        long start = System.nanoTime();
        long deadline = start + config.duration().toNanos();
        out.printf("load: %d customers, %d requests/s for %d s against %s%n", config.users(), config.rate(),
                config.duration().toSeconds(), config.target());
        List<Thread> shoppers = new ArrayList<>();
        for (int i = 1; i <= config.users(); i++) {
            Thread shopper = new Thread(new Shopper(http, config, i, tally, deadline), "shopper-" + i);
            shopper.setDaemon(true);
            shopper.start();
            shoppers.add(shopper);
        }
        long every = config.progressEvery().toNanos();
        long nextReport = start + every;
        while (System.nanoTime() < deadline) {
            long sleep = Math.min(nextReport, deadline) - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            if (System.nanoTime() >= nextReport && System.nanoTime() < deadline) {
                report(out, tally, start, config);
                nextReport += every;
            }
        }
        for (Thread shopper : shoppers) {
            shopper.join(15_000);
        }
        report(out, tally, start, config);
        return tally;
    }

    /** Waits up to a minute for the shop to answer at all (a 401 is an answer): it may still be starting. */
    private static void awaitShop(HttpClient http, LoadConfig config, PrintStream out) throws InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(config.target() + "/v1/products/1"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                http.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    out.println("load: the shop at " + config.target() + " does not answer (" + e + "); driving anyway");
                    return;
                }
                Thread.sleep(250);
            }
        }
    }

    private static void report(PrintStream out, Tally tally, long start, LoadConfig config) {
        long elapsed = Math.min(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), config.duration().toSeconds());
        Map<String, Long> errors = tally.errors();
        out.printf("load: %3d/%d s  %,7d requests  %,5d not 2xx %s%n", elapsed, config.duration().toSeconds(),
                tally.requests(), tally.errorCount(), errors.isEmpty() ? "" : errors.toString());
    }
}
