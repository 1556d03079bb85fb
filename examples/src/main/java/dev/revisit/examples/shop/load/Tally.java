package dev.revisit.examples.shop.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** Responses counted by status (0: no response at all), shared by the virtual users. */
public final class Tally {

    private final AtomicLongArray byStatus = new AtomicLongArray(600);
    private final LongAdder requests = new LongAdder();

    void count(int status) {
        requests.increment();
        byStatus.incrementAndGet(status >= 100 && status < 600 ? status : 0);
    }

    public long requests() {
        return requests.sum();
    }

    public long count(int from, int to) {
        long n = 0;
        for (int s = from; s <= to; s++) {
            n += byStatus.get(s);
        }
        return n;
    }

    /** Responses that were not 2xx, by status, "failed" for those without a response. */
    public Map<String, Long> errors() {
        Map<String, Long> errors = new TreeMap<>();
        for (int s = 0; s < 600; s++) {
            long n = byStatus.get(s);
            if (n > 0 && (s < 200 || s >= 300)) {
                errors.put(s == 0 ? "failed" : Integer.toString(s), n);
            }
        }
        return errors;
    }

    long errorCount() {
        return errors().values().stream().mapToLong(Long::longValue).sum();
    }
}
