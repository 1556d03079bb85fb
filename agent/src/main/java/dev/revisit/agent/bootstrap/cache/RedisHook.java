package dev.revisit.agent.bootstrap.cache;

/**
 * What Redis client advice calls (Jedis, Lettuce) to count reads as cache requests. Every
 * method is a no-op until the agent installs the real hook. Advice asks {@link #readKind}
 * of every reply's command and does nothing more for commands that are not reads.
 */
public abstract class RedisHook {
    public static final int NOT_A_READ = 0;
    /** {@code GET}, {@code GETEX}, {@code GETDEL}, {@code HGET}: the reply is the value or nil. */
    public static final int ONE_KEY = 1;
    /** {@code MGET}: one reply element per key. */
    public static final int EACH_KEY = 2;
    /** {@code HMGET}: one reply element per field of the command's one key. */
    public static final int EACH_FIELD = 3;

    private static volatile RedisHook current = new RedisHook() {};

    public static RedisHook get() {
        return current;
    }

    public static void install(RedisHook hook) {
        current = hook;
    }

    /** One of the kinds above for the client's command type (its enum constant). */
    public int readKind(Object commandType) {
        return NOT_A_READ;
    }

    /** The reply to a read of {@code key} ({@code byte[]} or {@code String}): a value is a hit, nil a miss. */
    public void read(Object key, boolean hit) {}

    /** Jedis, on the calling thread: false inside a read of a named cache layer, which counts the read itself. */
    public boolean countsOnThisThread() {
        return false;
    }

    /** Lettuce: the key the command's arguments object starts with. */
    public Object firstKey(Object arguments) {
        return null;
    }

    /** Lettuce, on the calling thread: a read with these arguments is being sent. */
    public void dispatched(Object arguments) {}

    /** Lettuce, on the I/O thread: false for a read that was sent inside a named cache layer. */
    public boolean counts(Object arguments) {
        return false;
    }
}
