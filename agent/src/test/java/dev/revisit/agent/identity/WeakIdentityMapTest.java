package dev.revisit.agent.identity;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WeakIdentityMapTest {

    /** Equal but not identical keys must not share an entry: JDBC objects may override equals. */
    @Test
    void keysByIdentityNotEquality() {
        WeakIdentityMap<String> map = new WeakIdentityMap<>(10);
        String a = new String("same");
        String b = new String("same");
        map.put(a, "A");
        assertEquals("A", map.get(a));
        assertNull(map.get(b));
        map.remove(a);
        assertNull(map.get(a));
    }

    @Test
    void neverKeepsAKeyAliveAndForgetsCollectedOnes() throws InterruptedException {
        WeakIdentityMap<String> map = new WeakIdentityMap<>(10);
        Object key = new Object();
        WeakReference<Object> ref = new WeakReference<>(key);
        map.put(key, "value");
        key = null;
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(ref.get(), "the map kept its key alive");
        // The collector clears the reference at once but queues it from its own thread, later.
        for (int i = 0; i < 250 && map.size() != 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(0, map.size());
    }

    @Test
    void stopsRememberingAtItsBound() {
        WeakIdentityMap<Integer> map = new WeakIdentityMap<>(3);
        Object[] keys = new Object[5];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new Object();
            map.put(keys[i], i);
        }
        assertEquals(3, map.size());
        assertEquals(0, map.get(keys[0]));
        assertNull(map.get(keys[4]));
    }
}
