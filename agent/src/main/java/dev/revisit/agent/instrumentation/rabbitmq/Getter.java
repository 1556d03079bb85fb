package dev.revisit.agent.instrumentation.rabbitmq;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A public no-argument method of the client's objects ({@code getTimestamp}, {@code getMessageCount}),
 * found once per class through a public type and called through a method handle. The client
 * is loaded by the application's class loader (a Spring Boot jar's, say), which the agent
 * cannot link against; a {@link ClassValue} keeps the handle with the class, so nothing here
 * holds an application class loader alive.
 */
final class Getter {
    private final String method;
    private final MethodType type;
    private final ClassValue<MethodHandle> handles = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> target) {
            try {
                return MethodHandles.publicLookup().unreflect(publicMethod(target, method)).asType(type);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no public " + method + "() on " + target.getName(), e);
            }
        }
    };

    /** @param returns the type callers read: {@code Object.class}, or {@code int.class} to stay unboxed */
    Getter(String method, Class<?> returns) {
        this.method = method;
        this.type = MethodType.methodType(returns, Object.class);
    }

    /** The handle for this object's class, typed {@code (Object)returns}: call it with {@code invokeExact}. */
    MethodHandle on(Object target) {
        return handles.get(target.getClass());
    }

    /**
     * The method as a public type declares it: the object's own class may not be public (a
     * client's implementation class), and a method handle needs an accessible declaration.
     */
    static Method publicMethod(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
        Method found = type.getMethod(name, parameters);
        if (Modifier.isPublic(found.getDeclaringClass().getModifiers())) {
            return found;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> contract : c.getInterfaces()) {
                if (Modifier.isPublic(contract.getModifiers())) {
                    try {
                        return contract.getMethod(name, parameters);
                    } catch (NoSuchMethodException notThisOne) {
                        // try the next interface
                    }
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + " is declared by no public type");
    }
}
