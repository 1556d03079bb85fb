package dev.revisit.agent.instrumentation.kafka;

import dev.revisit.agent.bootstrap.messaging.KafkaHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * On {@code Metrics.removeMetric(MetricName)} returning the metric it removed: the consumer's
 * fetch code removes a partition's {@code records-lag} (through {@code removeSensor}, which
 * calls this) when the partition is no longer assigned to it — the client's own signal that its
 * lag for that partition is no longer its to report.
 */
public final class MetricRemovalAdvice {
    private MetricRemovalAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return(typing = Assigner.Typing.DYNAMIC) Object removed) {
        if (removed != null) {
            KafkaHook.get().metricRemoved(removed);
        }
    }
}
