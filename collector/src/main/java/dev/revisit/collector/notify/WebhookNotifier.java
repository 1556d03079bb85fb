package dev.revisit.collector.notify;

import dev.revisit.collector.engine.VerdictLoop;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Verdict;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Posts each verdict transition to the configured webhooks, off the evaluation thread, one
 * delivery at a time in order. A delivery is retried on a network error, a timeout, 429 or 5xx
 * (with doubling pauses) and never after a 2xx, so a receiver sees each transition once; every
 * attempt carries the same {@code Idempotency-Key} for receivers that deduplicate retries of a
 * request they did take. The first round after start only learns the verdicts: a restart does
 * not re-announce every decision.
 */
public final class WebhookNotifier implements VerdictLoop.Listener, AutoCloseable {

    private static final Logger LOG = System.getLogger(WebhookNotifier.class.getName());
    static final int ATTEMPTS = 5;

    private final List<Webhook> hooks;
    private final Supplier<URI> page;
    private final Duration firstPause;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "revisit-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private Map<String, Verdict> last;

    /** {@code page}: the collector's base URI, for links (known only once it listens). */
    public WebhookNotifier(List<Webhook> hooks, Supplier<URI> page, Duration firstPause) {
        this.hooks = List.copyOf(hooks);
        this.page = page;
        this.firstPause = firstPause;
    }

    @Override
    public void evaluated(Evaluation before, Evaluation after, long nanos) {
        Map<String, Verdict> now = new HashMap<>();
        after.decisions().forEach(d -> now.put(d.decision().id(), d.verdict()));
        Map<String, Verdict> previous = last;
        last = now;
        if (previous == null) {
            return;
        }
        for (DecisionVerdict d : after.decisions()) {
            Verdict was = previous.get(d.decision().id());
            if (was != d.verdict()) {
                for (Webhook hook : hooks) {
                    String body = hook.format() == Webhook.Format.SLACK ? Payloads.slack(d, was, page.get())
                            : Payloads.alertmanager(d, was, after.at(), page.get());
                    String key = UUID.randomUUID().toString();
                    sender.execute(() -> deliver(hook, body, key));
                }
            }
        }
    }

    private void deliver(Webhook hook, String body, String key) {
        Duration pause = firstPause;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(hook.url()).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .header("User-Agent", "revisit-collector").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    delivered.incrementAndGet();
                    return;
                }
                if (status != 429 && status / 100 == 4) {
                    LOG.log(Level.WARNING, "webhook " + hook.url() + " refused a notification with " + status + "; not retried");
                    failed.incrementAndGet();
                    return;
                }
                LOG.log(Level.WARNING, "webhook " + hook.url() + " answered " + status + " (attempt " + attempt + " of " + ATTEMPTS + ")");
            } catch (IOException e) {
                LOG.log(Level.WARNING, "webhook " + hook.url() + ": " + e + " (attempt " + attempt + " of " + ATTEMPTS + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt < ATTEMPTS) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2);
            }
        }
        failed.incrementAndGet();
        LOG.log(Level.ERROR, "webhook " + hook.url() + ": notification dropped after " + ATTEMPTS + " attempts");
    }

    public long delivered() {
        return delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Lets queued deliveries finish for up to a few seconds, then stops. */
    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        if (!sender.awaitTermination(5, TimeUnit.SECONDS)) {
            sender.shutdownNow();
        }
    }
}
