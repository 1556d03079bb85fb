package dev.revisit.agent.instrumentation.cache;

import dev.revisit.agent.bootstrap.cache.RedisHook;
import dev.revisit.agent.identity.WeakIdentityMap;
import dev.revisit.agent.instrumentation.ModuleContext;

import java.util.function.Function;

/**
 * The Redis hook: each read's reply counts as a hit (a value) or a miss (nil) of the cache its
 * key's prefix names ({@link RedisKeyNames}), {@code cache.system} {@code redis}. A read sent
 * inside a named cache layer (a Spring or JCache cache stored in Redis) is that layer's lookup
 * and is left to it: counted once, by the outermost named layer.
 */
public final class RedisReads extends RedisHook {
    static final String SYSTEM = "redis";
    /** The clients' own command enums; module commands with the same constant names (JSON.GET) are not cache reads. */
    private static final String[] COMMAND_TYPES = {"redis.clients.jedis.Protocol$Command", "io.lettuce.core.protocol.CommandType"};
    /** Per command enum, the read kind by ordinal. */
    private static final ClassValue<int[]> KINDS = new ClassValue<>() {
        @Override
        protected int[] computeValue(Class<?> type) {
            return kindsOf(type);
        }
    };
    /** Reads in flight that were sent inside a named layer, at most (past it they count twice, never leak). */
    static final int MAX_SENT_INSIDE_LAYER = 10_000;

    private static RedisReads installed;

    private final CacheMetrics caches;
    private final RedisKeyNames names;
    private final WeakIdentityMap<Boolean> sentInsideLayer = new WeakIdentityMap<>(MAX_SENT_INSIDE_LAYER);
    /** Whether any read was ever sent inside a named layer: until then completions skip the lookup. */
    private volatile boolean anySentInsideLayer;
    private volatile Function<Object, Object> firstKeys = arguments -> null;

    RedisReads(CacheMetrics caches, String separator) {
        this.caches = caches;
        this.names = new RedisKeyNames(separator, name -> caches.namedSeries(SYSTEM, name));
    }

    /** Both Redis modules call this from their start; the first one installs the hook (and the cache hook under it). */
    public static synchronized RedisReads install(ModuleContext context) {
        if (installed == null) {
            installed = new RedisReads(CacheMetrics.install(context), RedisKeyNames.separatorFrom(context.config()));
            RedisHook.install(installed);
        }
        return installed;
    }

    /** How {@link #firstKey} finds the key in a client's arguments object (Lettuce keeps it in a field of its own). */
    public void firstKeysFrom(Function<Object, Object> reader) {
        this.firstKeys = reader;
    }

    @Override
    public int readKind(Object commandType) {
        if (commandType instanceof Enum<?> command) {
            int[] kinds = KINDS.get(command.getDeclaringClass());
            int ordinal = command.ordinal();
            return ordinal < kinds.length ? kinds[ordinal] : NOT_A_READ;
        }
        return NOT_A_READ;
    }

    @Override
    public void read(Object key, boolean hit) {
        if (key == null) {
            return;
        }
        CacheSeries series = names.of(key);
        if (hit) {
            series.hits(1);
        } else {
            series.misses(1);
        }
    }

    @Override
    public boolean countsOnThisThread() {
        return !caches.insideNamedLayer();
    }

    @Override
    public Object firstKey(Object arguments) {
        return arguments == null ? null : firstKeys.apply(arguments);
    }

    @Override
    public void dispatched(Object arguments) {
        if (arguments != null && caches.insideNamedLayer()) {
            sentInsideLayer.put(arguments, Boolean.TRUE);
            anySentInsideLayer = true;
        }
    }

    @Override
    public boolean counts(Object arguments) {
        if (!anySentInsideLayer || arguments == null || sentInsideLayer.get(arguments) == null) {
            return true;
        }
        sentInsideLayer.remove(arguments);
        return false;
    }

    static int[] kindsOf(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        if (constants == null || !isCommandType(type.getName())) {
            return new int[0];
        }
        int[] kinds = new int[constants.length];
        for (Object constant : constants) {
            Enum<?> command = (Enum<?>) constant;
            kinds[command.ordinal()] = switch (command.name()) {
                case "GET", "GETEX", "GETDEL", "HGET" -> ONE_KEY;
                case "MGET" -> EACH_KEY;
                case "HMGET" -> EACH_FIELD;
                default -> NOT_A_READ;
            };
        }
        return kinds;
    }

    private static boolean isCommandType(String name) {
        for (String known : COMMAND_TYPES) {
            if (known.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
