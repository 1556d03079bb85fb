package dev.revisit.agent.instrumentation.servlet;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * The installer reflects on every advice class, which links it, in the agent's class loader:
 * an advice class that makes the verifier load a Servlet type would stop the whole agent in an
 * application without the Servlet API. Links them where neither {@code jakarta.*} nor {@code javax.servlet.*} can be found.
 */
class AdviceWithoutServletApiTest {

    @Test
    void adviceLinksWithoutTheServletApi() {
        for (Class<?> advice : new Class<?>[] {ServiceAdvice.class, AsyncCompleteAdvice.class, ChannelCompletedAdvice.class}) {
            assertDoesNotThrow(() -> new WithoutServletApi().loadClass(advice.getName()).getDeclaredMethods(), advice.getName());
        }
    }

    /** Defines the agent's classes itself, delegates the rest to the JDK, and knows no Servlet API. */
    private static final class WithoutServletApi extends ClassLoader {
        WithoutServletApi() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("jakarta.") || name.startsWith("javax.servlet.")) {
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith("dev.revisit.") && !name.startsWith("net.bytebuddy.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = AdviceWithoutServletApiTest.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }
}
