package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.bootstrap.messaging.KafkaHook;
import dev.revisit.agent.instrumentation.InstrumentationModule;
import dev.revisit.agent.instrumentation.ModuleContext;
import dev.revisit.agent.instrumentation.Transforms;
import dev.revisit.agent.instrumentation.messaging.MessagingMetrics;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Kafka consumers (kafka-clients 3.x and 4.x; the public {@code KafkaConsumer} fronts both the
 * classic and the new consumer-group protocol): delivery delay and consumed counts at
 * {@code poll}, lag from the client's own fetch metrics. The advice names no client type, so the
 * client may live in any class loader. Switched by {@code revisit.instrumentation.kafka.enabled}.
 */
public final class KafkaModule implements InstrumentationModule {
    private static final String CONSUMER = "org.apache.kafka.clients.consumer.KafkaConsumer";
    /** The client-side metrics registry every Kafka client has; its removals tell a partition's lag is no longer this consumer's. */
    private static final String METRICS = "org.apache.kafka.common.metrics.Metrics";

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void start(ModuleContext context) {
        KafkaHook.install(new KafkaMetrics(new MessagingMetrics(context.recorder()), context.recorder()));
    }

    @Override
    public void transform(Transforms transforms) {
        transforms.type(named(CONSUMER), named("poll").and(takesArguments(1)).and(takesArgument(0, named("java.time.Duration"))), PollAdvice.class)
                .type(named(CONSUMER), named("close"), CloseAdvice.class)
                .type(named(METRICS), named("removeMetric").and(takesArguments(1))
                        .and(takesArgument(0, named("org.apache.kafka.common.MetricName"))), MetricRemovalAdvice.class);
    }
}
