package dev.revisit.agent.jvm;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.revisit.agent.log.AgentLog;
import dev.revisit.agent.recorder.Gauge;
import dev.revisit.agent.recorder.Histogram;
import dev.revisit.agent.recorder.Recorder;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;

/**
 * The {@code deployment} area, under the OpenTelemetry JVM semantic-convention names:
 * CPU ({@code jvm.cpu.recent_utilization}, {@code jvm.cpu.count}), memory per pool
 * ({@code jvm.memory.used}, {@code jvm.memory.committed}, {@code jvm.memory.limit}), GC
 * ({@code jvm.gc.duration}, from the JVM's GC notifications) and start-to-ready time
 * ({@code revisit.jvm.startup.duration}, see {@link Readiness}). Gauges are read from the
 * MXBeans on the export thread, never on the application's threads.
 */
public final class JvmSignals {
    private JvmSignals() {}

    public static void register(Recorder recorder) {
        Gauge cpu = recorder.gauge("jvm.cpu.recent_utilization", "1",
                "Recent CPU utilisation of the process, 0 to 1 across all CPUs");
        Gauge cpuCount = recorder.gauge("jvm.cpu.count", "{cpu}", "Processors available to the JVM");
        Gauge used = recorder.gauge("jvm.memory.used", "By", "Memory used", "jvm.memory.type", "jvm.memory.pool.name");
        Gauge committed = recorder.gauge("jvm.memory.committed", "By", "Memory committed", "jvm.memory.type", "jvm.memory.pool.name");
        Gauge limit = recorder.gauge("jvm.memory.limit", "By", "Most memory the pool can grow to", "jvm.memory.type", "jvm.memory.pool.name");
        Gauge startup = recorder.gauge(Readiness.METRIC, "s", Readiness.DESCRIPTION);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();

        recorder.onCollect(() -> {
            cpuCount.series().set(Runtime.getRuntime().availableProcessors());
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                double load = sun.getProcessCpuLoad();
                if (load >= 0) {
                    cpu.series().set(load);
                }
            }
            for (MemoryPoolMXBean pool : pools) {
                if (!pool.isValid()) {
                    continue;
                }
                MemoryUsage usage = pool.getUsage();
                String type = pool.getType() == MemoryType.HEAP ? "heap" : "non_heap";
                used.series(type, pool.getName()).set(usage.getUsed());
                committed.series(type, pool.getName()).set(usage.getCommitted());
                if (usage.getMax() >= 0) {
                    limit.series(type, pool.getName()).set(usage.getMax());
                }
            }
            long readyMillis = Readiness.readyEpochMillis();
            if (readyMillis > 0) {
                startup.series().set((readyMillis - jvmStartMillis) / 1000.0);
            }
        });
        listenToGc(recorder.histogram("jvm.gc.duration", "s", "Duration of JVM garbage collection actions",
                new double[] {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10}, Histogram.NANOS_PER_SECOND,
                "jvm.gc.name", "jvm.gc.action"));
    }

    /** GC notifications arrive on a JMX service thread; the application's threads are not involved. */
    private static void listenToGc(Histogram duration) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) {
                continue;
            }
            try {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    duration.series(info.getGcName(), info.getGcAction()).record(info.getGcInfo().getDuration() * 1_000_000L);
                }, null, null);
            } catch (Throwable t) {
                AgentLog.once("gc-listener", "cannot listen to GC notifications; jvm.gc.duration stays empty", t);
            }
        }
    }
}
