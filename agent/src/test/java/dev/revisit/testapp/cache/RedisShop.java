package dev.revisit.testapp.cache;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Redis as a cache, through client APIs ({@code args[0]}, comma-separated: {@code jedis},
 * {@code lettuce-sync}, {@code lettuce-async}, {@code lettuce-reactive}) one after the other,
 * against the real Redis on 127.0.0.1:6379. Every key is {@code prefix-api<sep>run<sep>rest}
 * ({@code args[1]} the run's unique id, {@code args[2]} the separator), so runs never share keys
 * while the names stay fixed: {@code catalog-sync}, {@code user-sync}... Each read pattern
 * causes a known number of hits and misses ({@code RedisShopRuns} lists them); every value read
 * is checked. Faults are printed as {@code outcome ...} lines, to be compared with a run without
 * the agent. Keys expire by themselves and are deleted at the end. Everything that names a
 * client type is nested here, so the shop can run with its client in a class loader of its own
 * ({@code OwnClassLoader} loads a program and its nested classes child-first).
 */
public final class RedisShop {
    private final Api redis;
    private final String tag;
    private final String run;
    private final String separator;
    private final List<String> written = new ArrayList<>();

    private RedisShop(Api redis, String tag, String run, String separator) {
        this.redis = redis;
        this.tag = tag;
        this.run = run;
        this.separator = separator;
    }

    public static void main(String[] args) {
        String run = args[1];
        String separator = args.length > 2 ? args[2] : ":";
        for (String api : args[0].split(",")) {
            String tag = api.substring(api.indexOf('-') + 1);
            try (Api redis = Api.open(api)) {
                RedisShop shop = new RedisShop(redis, tag, run, separator);
                try {
                    shop.reads();
                    if (api.equals("jedis")) {
                        try (Api pooled = Api.open("pooled")) {
                            RedisShop pooledShop = new RedisShop(pooled, "pooled", run, separator);
                            try {
                                pooledShop.pooled();
                            } finally {
                                pooledShop.cleanUp();
                            }
                        }
                    }
                    shop.springOverRedis();
                    shop.faults();
                } finally {
                    shop.cleanUp();
                }
            }
        }
        System.out.println("redis shop done");
    }

    /** On a connection of its own: the shop's may be the one the server dropped. */
    private void cleanUp() {
        try (Jedis cleanup = new Jedis(Api.HOST, Api.PORT)) {
            cleanup.del(written.toArray(String[]::new));
        }
    }

    /** {@code catalog-sync:run:42}: named catalog-sync with the default separator. */
    String key(String prefix, Object rest) {
        return prefix + "-" + tag + separator + run + separator + rest;
    }

    private void set(String key, String value) {
        written.add(key);
        redis.set(key, value);
    }

    /**
     * Per API tag: catalog 900/100, user 60/60 (HGET 50/50, HMGET 10/10), price 50/50 and stock 1/0,
     * order 0/1 (MGET), temp 10/10 (GETDEL), legacy 0/1 and two misses without a prefix.
     */
    private void reads() {
        for (int k = 0; k < 90; k++) {
            set(key("catalog", k), "v" + k);
        }
        for (int i = 0; i < 1_000; i++) {
            int k = i % 100;
            check(redis.get(key("catalog", k)), k < 90 ? "v" + k : null);
        }

        String hash = key("user", "h");
        written.add(hash);
        for (int f = 0; f < 50; f++) {
            redis.hset(hash, "f" + f, "u" + f);
        }
        for (int f = 0; f < 100; f++) {
            check(redis.hget(hash, "f" + f), f < 50 ? "u" + f : null);
        }
        for (int i = 0; i < 2; i++) {
            List<String> fields = redis.hmget(hash, "f45", "f46", "f47", "f48", "f49", "f50", "f51", "f52", "f53", "f54");
            check(String.valueOf(fields), "[u45, u46, u47, u48, u49, null, null, null, null, null]");
        }

        String[] prices = new String[10];
        for (int k = 0; k < 10; k++) {
            if (k < 5) {
                set(key("price", k), "p" + k);
            }
            prices[k] = key("price", k);
        }
        for (int i = 0; i < 10; i++) {
            check(String.valueOf(redis.mget(prices)), "[p0, p1, p2, p3, p4, null, null, null, null, null]");
        }
        set(key("stock", 1), "s1");
        check(String.valueOf(redis.mget(key("stock", 1), key("order", 1))), "[s1, null]");

        for (int k = 0; k < 10; k++) {
            set(key("temp", k), "t" + k);
        }
        for (int k = 0; k < 20; k++) {
            check(redis.getdel(key("temp", k)), k < 10 ? "t" + k : null);
        }

        check(redis.get("legacy-" + tag + ":" + run), null);
        check(redis.get(run + tag + "nokey"), null);
        check(redis.get(separator + run + tag), null);
    }

    /** catalog-pooled 50/50 through Jedis 8's pooled {@code RedisClient}, a {@code UnifiedJedis} like {@code JedisPooled} was. */
    private void pooled() {
        for (int k = 0; k < 5; k++) {
            set(key("catalog", k), "q" + k);
        }
        for (int i = 0; i < 100; i++) {
            int k = i % 10;
            check(redis.get(key("catalog", k)), k < 5 ? "q" + k : null);
        }
    }

    /** A Spring cache stored in Redis: 90/10 as {@code spring}/{@code products-api}, nothing as {@code redis}/{@code product-api}. */
    private void springOverRedis() {
        for (int k = 0; k < 90; k++) {
            set(key("product", k), "v" + k);
        }
        RedisBackedCache products = new RedisBackedCache();
        for (int k = 0; k < 100; k++) {
            var value = products.get(k);
            check(value == null ? null : (String) value.get(), k < 90 ? "v" + k : null);
        }
    }

    /** A wrong type, a null key and a connection the server drops: printed for comparison; none counts. */
    private void faults() {
        try {
            redis.get(key("user", "h"));
            System.out.println("outcome " + tag + " wrongtype: no exception");
        } catch (RuntimeException e) {
            System.out.println("outcome " + tag + " wrongtype: " + e.getClass().getName() + ": " + e.getMessage());
        }
        try {
            redis.get(null);
            System.out.println("outcome " + tag + " null key: no exception");
        } catch (RuntimeException e) {
            System.out.println("outcome " + tag + " null key: " + e.getClass().getName());
        }

        set(key("drop", 1), "d1");
        long id = redis.clientId();
        try (Jedis admin = new Jedis(Api.HOST, Api.PORT)) {
            admin.sendCommand(Protocol.Command.CLIENT, "KILL", "ID", Long.toString(id));
        }
        redis.awaitDisconnected();
        int dropHits = 0;
        try {
            String value = redis.get(key("drop", 1));
            check(value, "d1");
            dropHits++;
            System.out.println("outcome " + tag + " dropped connection: " + value);
        } catch (RuntimeException e) {
            System.out.println("outcome " + tag + " dropped connection: " + e.getClass().getName());
        }
        System.out.println("drop-hits " + tag + " " + dropHits);
    }

    static void check(String actual, String expected) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            throw new AssertionError("expected " + expected + " but Redis returned " + actual);
        }
    }

    /** A Spring {@code Cache} whose entries live in Redis, as Spring Data Redis's would. */
    private final class RedisBackedCache extends AbstractValueAdaptingCache {
        RedisBackedCache() {
            super(false);
        }

        @Override
        protected Object lookup(Object key) {
            return redis.get(key("product", key));
        }

        @Override
        public String getName() {
            return "products-" + tag;
        }

        @Override
        public Object getNativeCache() {
            return redis;
        }

        @Override
        public <T> T get(Object key, Callable<T> valueLoader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void put(Object key, Object value) {
            set(key("product", key), String.valueOf(value));
        }

        @Override
        public void evict(Object key) {
            redis.del(key("product", key));
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * The reads the shop makes, through one client API each: Jedis, Jedis 8's pooled {@code RedisClient} (a {@code UnifiedJedis}),
     * Lettuce sync, async (waiting on each future) and reactive (blocking on each publisher).
     * Writes always go through the same API; the agent does not count them.
     */
    interface Api extends AutoCloseable {
        String HOST = "127.0.0.1";
        int PORT = 6379;
        /** Every key the shop writes expires by itself, should the run die before it deletes them. */
        int TTL_SECONDS = 300;

        String get(String key);

        String getdel(String key);

        String hget(String key, String field);

        List<String> mget(String... keys);

        List<String> hmget(String key, String... fields);

        void set(String key, String value);

        void hset(String key, String field, String value);

        void del(String... keys);

        /** {@code CLIENT ID} of the connection this client reads on. */
        long clientId();

        /** Waits until the client noticed its connection was closed by the server, if it can tell. */
        default void awaitDisconnected() {}

        @Override
        void close();

        static Api open(String api) {
            return switch (api) {
                case "jedis" -> new OneJedis();
                case "pooled" -> new Pooled();
                case "lettuce-sync", "lettuce-async", "lettuce-reactive" -> new Lettuce(api.substring("lettuce-".length()));
                default -> throw new IllegalArgumentException("no client API " + api);
            };
        }

        final class OneJedis implements Api {
            private final Jedis jedis = new Jedis(HOST, PORT);

            public String get(String key) { return jedis.get(key); }
            public String getdel(String key) { return jedis.getDel(key); }
            public String hget(String key, String field) { return jedis.hget(key, field); }
            public List<String> mget(String... keys) { return jedis.mget(keys); }
            public List<String> hmget(String key, String... fields) { return jedis.hmget(key, fields); }
            public void set(String key, String value) { jedis.set(key, value, SetParams.setParams().ex(TTL_SECONDS)); }
            public void hset(String key, String field, String value) { jedis.hset(key, field, value); jedis.expire(key, TTL_SECONDS); }
            public void del(String... keys) { jedis.del(keys); }
            public long clientId() { return jedis.clientId(); }
            public void close() { jedis.close(); }
        }

        final class Pooled implements Api {
            private final RedisClient jedis = RedisClient.create(HOST, PORT);

            public String get(String key) { return jedis.get(key); }
            public String getdel(String key) { return jedis.getDel(key); }
            public String hget(String key, String field) { return jedis.hget(key, field); }
            public List<String> mget(String... keys) { return jedis.mget(keys); }
            public List<String> hmget(String key, String... fields) { return jedis.hmget(key, fields); }
            public void set(String key, String value) { jedis.set(key, value, SetParams.setParams().ex(TTL_SECONDS)); }
            public void hset(String key, String field, String value) { jedis.hset(key, field, value); jedis.expire(key, TTL_SECONDS); }
            public void del(String... keys) { jedis.del(keys); }
            public long clientId() { throw new UnsupportedOperationException("a pool has many connections"); }
            public void close() { jedis.close(); }
        }

        final class Lettuce implements Api {
            private final LettuceApi api;
            private final io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisURI.create(HOST, PORT));
            private final StatefulRedisConnection<String, String> connection = client.connect();
            private final RedisCommands<String, String> sync = connection.sync();
            private final RedisAsyncCommands<String, String> async = connection.async();
            private final RedisReactiveCommands<String, String> reactive = connection.reactive();

            Lettuce(String api) {
                this.api = LettuceApi.valueOf(api.toUpperCase());
            }

            public String get(String key) {
                return switch (api) {
                    case SYNC -> sync.get(key);
                    case ASYNC -> await(async.get(key));
                    case REACTIVE -> reactive.get(key).block();
                };
            }

            public String getdel(String key) {
                return switch (api) {
                    case SYNC -> sync.getdel(key);
                    case ASYNC -> await(async.getdel(key));
                    case REACTIVE -> reactive.getdel(key).block();
                };
            }

            public String hget(String key, String field) {
                return switch (api) {
                    case SYNC -> sync.hget(key, field);
                    case ASYNC -> await(async.hget(key, field));
                    case REACTIVE -> reactive.hget(key, field).block();
                };
            }

            public List<String> mget(String... keys) {
                return values(switch (api) {
                    case SYNC -> sync.mget(keys);
                    case ASYNC -> await(async.mget(keys));
                    case REACTIVE -> reactive.mget(keys).collectList().block();
                });
            }

            public List<String> hmget(String key, String... fields) {
                return values(switch (api) {
                    case SYNC -> sync.hmget(key, fields);
                    case ASYNC -> await(async.hmget(key, fields));
                    case REACTIVE -> reactive.hmget(key, fields).collectList().block();
                });
            }

            public void set(String key, String value) { sync.setex(key, TTL_SECONDS, value); }
            public void hset(String key, String field, String value) { sync.hset(key, field, value); sync.expire(key, TTL_SECONDS); }
            public void del(String... keys) { sync.del(keys); }
            public long clientId() { return sync.clientId(); }

            public void awaitDisconnected() {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                try {
                    while (connection.isOpen() && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            public void close() {
                connection.close();
                client.shutdown(0, 2, TimeUnit.SECONDS);
            }

            private static List<String> values(List<KeyValue<String, String>> found) {
                List<String> values = new ArrayList<>();
                for (KeyValue<String, String> value : found) {
                    values.add(value.getValueOrElse(null));
                }
                return values;
            }

            /** As an application would wait; the cause of a failed command is what it sees. */
            private static <T> T await(java.util.concurrent.Future<T> future) {
                try {
                    return future.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        enum LettuceApi { SYNC, ASYNC, REACTIVE }
    }
}
