package dev.revisit.agent.identity;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facts about application objects (a connection's database, a statement's SQL summary),
 * keyed by identity and held weakly so the agent never keeps an object alive. Lookups take
 * no lock and allocate nothing (a per-thread probe key stands in for the weak key); the
 * size is capped, and past the cap new entries are simply not remembered.
 */
public final class WeakIdentityMap<V> {
    private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
    private final ThreadLocal<Probe> probes = ThreadLocal.withInitial(Probe::new);
    private final int maxSize;

    public WeakIdentityMap(int maxSize) {
        this.maxSize = maxSize;
    }

    public V get(Object key) {
        Probe probe = probes.get();
        probe.referent = key;
        probe.hash = System.identityHashCode(key);
        try {
            return map.get(probe);
        } finally {
            probe.referent = null;
        }
    }

    /** Remembers the value unless the map is full. */
    public void put(Object key, V value) {
        expunge();
        if (map.size() < maxSize) {
            map.put(new WeakKey(key, cleared), value);
        }
    }

    public void remove(Object key) {
        Probe probe = probes.get();
        probe.referent = key;
        probe.hash = System.identityHashCode(key);
        try {
            map.remove(probe);
        } finally {
            probe.referent = null;
        }
    }

    public int size() {
        expunge();
        return map.size();
    }

    private void expunge() {
        Reference<?> ref;
        while ((ref = cleared.poll()) != null) {
            map.remove(ref);
        }
    }

    private static final class WeakKey extends WeakReference<Object> {
        private final int hash;

        WeakKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            Object referent = get();
            return referent != null && other instanceof WeakKey key && key.get() == referent;
        }
    }

    private static final class Probe {
        Object referent;
        int hash;

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WeakKey key && key.get() == referent;
        }
    }
}
