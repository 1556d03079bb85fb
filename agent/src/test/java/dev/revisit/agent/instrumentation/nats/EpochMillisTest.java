package dev.revisit.agent.instrumentation.nats;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cached-day conversion agrees with {@code toInstant().toEpochMilli()} wherever a store time can be. */
class EpochMillisTest {
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Berlin"), ZoneId.of("America/St_Johns"),
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("America/Los_Angeles"), ZoneId.systemDefault());

    private final EpochMillis epochMillis = new EpochMillis();

    @Test
    void agreesWithTheInstantForRandomTimesInManyZones() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            // 1900 to 2100, nanosecond precision, as the server's epoch nanoseconds parse.
            long nanos = random.nextLong(-2_208_988_800_000_000_000L, 4_102_444_800_000_000_000L);
            assertAgrees(ZonedDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)),
                    ZONES.get(random.nextInt(ZONES.size()))));
        }
    }

    @Test
    void messagesInterleavedAcrossMidnightEachGetTheirOwnDay() {
        ZonedDateTime before = ZonedDateTime.of(LocalDateTime.of(2026, 11, 25, 23, 59, 59, 999_000_000), ZoneId.of("Europe/Berlin"));
        ZonedDateTime after = before.plusNanos(2_000_000);
        for (int i = 0; i < 10; i++) {
            assertAgrees(i % 2 == 0 ? before : after);
            assertAgrees(i % 3 == 0 ? after.plusDays(400) : before.minusYears(3));
        }
    }

    @Test
    void daylightSavingChangesUseTheOffsetOfTheirSide() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZonedDateTime firstOneThirty = ZonedDateTime.of(LocalDateTime.of(2026, 10, 25, 2, 30), berlin).withEarlierOffsetAtOverlap();
        assertAgrees(firstOneThirty);
        assertAgrees(firstOneThirty.withLaterOffsetAtOverlap());
        assertEquals(3_600_000L, epochMillis.of(firstOneThirty.withLaterOffsetAtOverlap()) - epochMillis.of(firstOneThirty));
        assertAgrees(ZonedDateTime.of(LocalDateTime.of(2026, 3, 29, 3, 0), berlin));
    }

    @Test
    void yearsOutsideTheCachedRangeAreConvertedInFull() {
        assertAgrees(ZonedDateTime.of(LocalDateTime.of(-44, 3, 15, 12, 0), ZoneOffset.UTC));
        assertAgrees(ZonedDateTime.of(LocalDateTime.of(0, 1, 1, 0, 0), ZoneOffset.UTC));
        assertAgrees(ZonedDateTime.of(LocalDateTime.of(1_048_575, 12, 31, 23, 59, 59), ZoneOffset.UTC));
        assertAgrees(ZonedDateTime.of(LocalDateTime.of(1_048_576, 1, 1, 0, 0, 1), ZoneOffset.UTC));
        assertAgrees(ZonedDateTime.of(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999), ZoneOffset.UTC));
    }

    private void assertAgrees(ZonedDateTime time) {
        assertEquals(time.toInstant().toEpochMilli(), epochMillis.of(time), time.toString());
    }
}
