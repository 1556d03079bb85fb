package dev.revisit.agent.instrumentation.nats;

import dev.revisit.agent.identity.WeakIdentityMap;

import java.lang.ref.WeakReference;

/**
 * The consumer each subscription's messages count for, by the subscription's message manager
 * (one manager per subscription, one stream and consumer per manager). A message looks in a
 * small direct-mapped table first: one identity hash and one reference comparison, no
 * thread-local, no map probe, no string compare. The table is in front of a weak identity map,
 * which holds the same slot objects, so a subscription that lost its table slot to another
 * gets it back without allocating. Slots refer to their manager weakly: a subscription and its
 * connection stay collectable.
 */
final class Subscriptions {
    /** Applications rarely have more hot subscriptions than this; more only cost map look-ups. */
    private static final int TABLE_SIZE = 256;

    private final Slot[] table = new Slot[TABLE_SIZE];
    private final WeakIdentityMap<Slot> byManager;

    Subscriptions(int maxRemembered) {
        this.byManager = new WeakIdentityMap<>(maxRemembered);
    }

    /** The consumer {@code manager}'s messages go to, or null before {@link #put}. */
    JetStreamConsumer get(Object manager) {
        int index = System.identityHashCode(manager) & (TABLE_SIZE - 1);
        Slot slot = table[index];
        if (slot == null || !slot.refersTo(manager)) {
            slot = byManager.get(manager);
            if (slot == null) {
                return null;
            }
            // Racy on purpose: a thread that reads a slot another is replacing sees either one, whole (final fields).
            table[index] = slot;
        }
        return slot.consumer;
    }

    /** Past the map's cap the subscription is still cached in the table, but refound from scratch once it drops out. */
    void put(Object manager, JetStreamConsumer consumer) {
        Slot slot = new Slot(manager, consumer);
        byManager.put(manager, slot);
        table[System.identityHashCode(manager) & (TABLE_SIZE - 1)] = slot;
    }

    private static final class Slot extends WeakReference<Object> {
        final JetStreamConsumer consumer;

        Slot(Object manager, JetStreamConsumer consumer) {
            super(manager);
            this.consumer = consumer;
        }
    }
}
