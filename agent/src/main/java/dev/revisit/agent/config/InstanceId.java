package dev.revisit.agent.config;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A random version-4 UUID for {@code service.instance.id}, without {@code SecureRandom}:
 * {@code UUID.randomUUID()} initialises the security providers (≈ 55 classes) at the agent's
 * start. The id has to be unique across a fleet, not unguessable. {@link ThreadLocalRandom}
 * is seeded, once per JVM, from {@code currentTimeMillis} and {@code nanoTime}, each run
 * through a 64-bit mixer (from SecureRandom only if {@code java.util.secureRandomSeed} is set),
 * and {@code nanoTime} read again here is mixed into the high half: two JVMs share an id only
 * if both clock readings agree to the nanosecond, on hosts whose {@code nanoTime} origins
 * differ arbitrarily. Were the seeds uniformly random, a million instances would share a
 * 64-bit seed with a probability of about 3·10⁻⁸, and a 122-bit id of about 10⁻²⁵.
 */
final class InstanceId {
    private InstanceId() {
    }

    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() ^ mix(System.nanoTime());
        long low = random.nextLong();
        high = (high & ~0xF000L) | 0x4000L;                  // version 4
        low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE; // IETF variant
        return new UUID(high, low).toString();
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: every input bit moves every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
