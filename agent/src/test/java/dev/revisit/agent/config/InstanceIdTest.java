package dev.revisit.agent.config;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstanceIdTest {

    @Test
    void isAVersion4UuidInCanonicalForm() {
        for (int i = 0; i < 1_000; i++) {
            String id = InstanceId.random();
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            UUID parsed = UUID.fromString(id);
            assertEquals(4, parsed.version());
            assertEquals(2, parsed.variant());
        }
    }

    @Test
    void idsDoNotRepeatAndUseEveryRandomBit() {
        Set<String> ids = new HashSet<>();
        long orHigh = 0, andHigh = -1, orLow = 0, andLow = -1;
        for (int i = 0; i < 200_000; i++) {
            String id = InstanceId.random();
            assertTrue(ids.add(id), id);
            UUID uuid = UUID.fromString(id);
            orHigh |= uuid.getMostSignificantBits();
            andHigh &= uuid.getMostSignificantBits();
            orLow |= uuid.getLeastSignificantBits();
            andLow &= uuid.getLeastSignificantBits();
        }
        // Every bit but the version's and the variant's takes both values.
        assertEquals(0x4000L, andHigh);
        assertEquals(~0xB000L, orHigh);
        assertEquals(Long.MIN_VALUE, andLow);
        assertEquals(~0x4000_0000_0000_0000L, orLow);
    }
}
