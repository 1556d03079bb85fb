package dev.revisit.testapp.cache;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.api.sync.RedisCommands;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The reads {@link RedisShop} makes, through one client API each: Jedis, Jedis 8's pooled {@code RedisClient} (a {@code UnifiedJedis}),
 * Lettuce sync, async (waiting on each future) and reactive (blocking on each publisher).
 * Writes always go through the same API; the agent does not count them.
 */
interface RedisApi extends AutoCloseable {
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

    static RedisApi open(String api) {
        return switch (api) {
            case "jedis" -> new OneJedis();
            case "pooled" -> new Pooled();
            case "lettuce-sync", "lettuce-async", "lettuce-reactive" -> new Lettuce(api.substring("lettuce-".length()));
            default -> throw new IllegalArgumentException("no client API " + api);
        };
    }

    final class OneJedis implements RedisApi {
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

    final class Pooled implements RedisApi {
        private final redis.clients.jedis.RedisClient jedis = redis.clients.jedis.RedisClient.create(HOST, PORT);

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

    final class Lettuce implements RedisApi {
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
