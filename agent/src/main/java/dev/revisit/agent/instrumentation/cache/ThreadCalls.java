package dev.revisit.agent.instrumentation.cache;

/**
 * Each thread's {@link CacheCalls}, found on the hot path by the thread's id in a fixed table
 * rather than through a {@code ThreadLocal}: every cache hit looks it up (the read's advice and
 * the library's stats report), and a {@code ThreadLocal} in a thread that holds many of them
 * (application servers, JMH) often misses its first probe and walks its table. The
 * {@code ThreadLocal} stays the owner of each thread's one object; the table only caches it, and
 * a thread whose slot is taken by a live thread simply keeps using the {@code ThreadLocal}.
 */
final class ThreadCalls {
    private static final int SLOTS = 4096;

    private final CacheCalls[] slots = new CacheCalls[SLOTS];
    private final ThreadLocal<CacheCalls> owned = ThreadLocal.withInitial(() -> new CacheCalls(Thread.currentThread()));

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number on 17
    CacheCalls current() {
        Thread thread = Thread.currentThread();
        int slot = (int) thread.getId() & (SLOTS - 1);
        CacheCalls calls = slots[slot];
        if (calls != null && calls.owner.get() == thread) {
            return calls;
        }
        return claim(slot);
    }

    private CacheCalls claim(int slot) {
        CacheCalls mine = owned.get();
        CacheCalls there = slots[slot];
        // A racing claim can overwrite; the loser's next lookup comes back here, still correct. A
        // slot of a thread that ended frees up once that Thread object is collected.
        if (there == null || there.ownerGone()) {
            slots[slot] = mine;
        }
        return mine;
    }
}
