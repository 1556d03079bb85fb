package dev.revisit.agent.instrumentation.lettuce;

import dev.revisit.agent.log.AgentLog;

import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Function;

/**
 * The first key of a Lettuce {@code CommandArgs}: the {@code key} of its first
 * {@code KeyArgument}, as the application passed it ({@code String}, {@code byte[]}). Lettuce has
 * no public accessor that does not encode the key anew, so its two package-private fields are
 * read, looked up once. A Lettuce whose arguments look different counts no single-key reads,
 * logged once.
 */
final class LettuceKeys implements Function<Object, Object> {
    private static final String ARGS = "io.lettuce.core.protocol.CommandArgs";
    private static final String KEY_ARGUMENT = ARGS + "$KeyArgument";

    private record Fields(Field arguments, Class<?> keyArgument, Field key) {}

    private volatile Fields fields;
    private volatile boolean broken;

    @Override
    public Object apply(Object args) {
        Fields found = fields;
        if (found == null) {
            if (broken) {
                return null;
            }
            found = resolve(args.getClass());
            if (found == null) {
                return null;
            }
        }
        try {
            List<?> arguments = (List<?>) found.arguments.get(args);
            for (int i = 0; i < arguments.size(); i++) {
                Object argument = arguments.get(i);
                if (argument != null && argument.getClass() == found.keyArgument) {
                    return found.key.get(argument);
                }
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private synchronized Fields resolve(Class<?> argsType) {
        if (fields != null) {
            return fields;
        }
        try {
            Class<?> type = argsType;
            while (!type.getName().equals(ARGS)) {
                type = type.getSuperclass();
            }
            Field arguments = type.getDeclaredField("singularArguments");
            Class<?> keyArgument = Class.forName(KEY_ARGUMENT, false, type.getClassLoader());
            Field key = keyArgument.getDeclaredField("key");
            arguments.setAccessible(true);
            key.setAccessible(true);
            fields = new Fields(arguments, keyArgument, key);
            return fields;
        } catch (Throwable t) {
            broken = true;
            AgentLog.once("lettuce-keys", "cannot read keys of this Lettuce version's commands; its single-key reads are not counted", t);
            return null;
        }
    }
}
