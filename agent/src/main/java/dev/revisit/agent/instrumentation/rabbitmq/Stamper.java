package dev.revisit.agent.instrumentation.rabbitmq;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Date;

/**
 * Gives outgoing {@code AMQP.BasicProperties} without a timestamp the publish time, through the
 * client's own builder found in the publishing channel's class loader (the agent cannot name it).
 */
final class Stamper {
    private static final String PROPERTIES = "com.rabbitmq.client.AMQP$BasicProperties";
    private static final String BUILDER = PROPERTIES + "$Builder";

    private final Getter timestamp = new Getter("getTimestamp", Object.class);
    /** Keyed by the channel's class: its loader is the client's. */
    private final ClassValue<Builder> builders = new ClassValue<>() {
        @Override
        protected Builder computeValue(Class<?> channel) {
            try {
                return new Builder(channel.getClassLoader());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no " + BUILDER + " next to " + channel.getName(), e);
            }
        }
    };

    Object stamped(Object channel, Object properties) throws Throwable {
        if (properties != null && (Object) timestamp.on(properties).invokeExact(properties) != null) {
            return properties;
        }
        Builder builder = builders.get(channel.getClass());
        Object building = properties == null ? (Object) builder.create.invokeExact() : (Object) builder.copy.invokeExact(properties);
        building = (Object) builder.timestamp.invokeExact(building, new Date());
        return (Object) builder.build.invokeExact(building);
    }

    /** {@code new Builder()}, {@code properties.builder()}, {@code .timestamp(Date)}, {@code .build()}. */
    private static final class Builder {
        final MethodHandle create;
        final MethodHandle copy;
        final MethodHandle timestamp;
        final MethodHandle build;

        Builder(ClassLoader loader) throws ReflectiveOperationException {
            Class<?> properties = Class.forName(PROPERTIES, false, loader);
            Class<?> builder = Class.forName(BUILDER, false, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            create = lookup.findConstructor(builder, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class));
            copy = lookup.findVirtual(properties, "builder", MethodType.methodType(builder))
                    .asType(MethodType.methodType(Object.class, Object.class));
            timestamp = lookup.findVirtual(builder, "timestamp", MethodType.methodType(builder, Date.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Date.class));
            build = lookup.findVirtual(builder, "build", MethodType.methodType(properties))
                    .asType(MethodType.methodType(Object.class, Object.class));
        }
    }
}
