package dev.revisit.agent.instrumentation.nats;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Epoch milliseconds of the store times jnats hands over as {@link ZonedDateTime}s (it parses
 * the server's epoch nanoseconds into one per message and keeps nothing else). Most of
 * {@code toEpochSecond()}'s cost is {@link LocalDate#toEpochDay()}, the same for every message
 * stored on one day: the last date's epoch day is kept, so a message costs a few field reads
 * and one comparison. Dates and times are the zoned time's own (local) fields, the offset is
 * subtracted as {@code toEpochSecond()} does: exact in any zone, through DST changes.
 */
final class EpochMillis {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** Years a packed key holds: 0 to 2^20 − 1 (their epoch days fit in 32 bits); others are converted in full. */
    private static final int MAX_YEAR = (1 << 20) - 1;

    /**
     * The last date converted: its year, month and day packed into the high 32 bits, its epoch
     * day in the low 32. Volatile so the pair is read whole on any JVM; a read is a plain load
     * on x86 and ARM. Written once per day (more often only while messages from both sides of
     * a midnight interleave). 0 matches no date: month 0 does not exist.
     */
    private volatile long lastDay;

    long of(ZonedDateTime time) {
        LocalDate date = time.toLocalDate();
        return (epochDay(date) * MILLIS_PER_DAY)
                + (time.toLocalTime().toSecondOfDay() - time.getOffset().getTotalSeconds()) * 1_000L
                + time.getNano() / 1_000_000;
    }

    private long epochDay(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > MAX_YEAR) {
            return date.toEpochDay();
        }
        long key = (long) (year << 9 | date.getMonthValue() << 5 | date.getDayOfMonth()) << 32;
        long last = lastDay;
        if ((last & 0xFFFF_FFFF_0000_0000L) == key) {
            return (int) last;
        }
        long epochDay = date.toEpochDay();
        lastDay = key | (epochDay & 0xFFFF_FFFFL);
        return epochDay;
    }
}
