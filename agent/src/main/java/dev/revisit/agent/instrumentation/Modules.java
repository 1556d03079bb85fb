package dev.revisit.agent.instrumentation;

import dev.revisit.agent.instrumentation.caffeine.CaffeineModule;
import dev.revisit.agent.instrumentation.datasource.DataSourceModule;
import dev.revisit.agent.instrumentation.ehcache.EhcacheModule;
import dev.revisit.agent.instrumentation.executor.ExecutorModule;
import dev.revisit.agent.instrumentation.guava.GuavaModule;
import dev.revisit.agent.instrumentation.httpserver.HttpServerModule;
import dev.revisit.agent.instrumentation.jcache.JCacheModule;
import dev.revisit.agent.instrumentation.jdbc.JdbcModule;
import dev.revisit.agent.instrumentation.jedis.JedisModule;
import dev.revisit.agent.instrumentation.jwt.JwtModule;
import dev.revisit.agent.instrumentation.kafka.KafkaModule;
import dev.revisit.agent.instrumentation.lettuce.LettuceModule;
import dev.revisit.agent.instrumentation.nats.NatsModule;
import dev.revisit.agent.instrumentation.passwordhash.PasswordHashModule;
import dev.revisit.agent.instrumentation.rabbitmq.RabbitMqModule;
import dev.revisit.agent.instrumentation.readiness.ReadinessModule;
import dev.revisit.agent.instrumentation.servlet.ServletModule;
import dev.revisit.agent.instrumentation.springcache.SpringCacheModule;
import dev.revisit.agent.instrumentation.springsecurity.SpringSecurityModule;

import java.util.List;

/** Every instrumentation the agent knows. One line per module; add yours here. */
public final class Modules {
    public static final List<InstrumentationModule> ALL = List.of(
            new JdbcModule(),
            new DataSourceModule(),
            new ReadinessModule(),
            new CaffeineModule(),
            new ExecutorModule(),
            new GuavaModule(),
            new JCacheModule(),
            new EhcacheModule(),
            new SpringCacheModule(),
            new JedisModule(),
            new LettuceModule(),
            new RabbitMqModule(),
            new HttpServerModule(),
            new ServletModule(),
            new SpringSecurityModule(),
            new JwtModule(),
            new PasswordHashModule(),
            new KafkaModule(),
            new NatsModule()
    );

    private Modules() {}
}
