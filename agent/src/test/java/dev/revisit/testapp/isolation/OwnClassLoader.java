package dev.revisit.testapp.isolation;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs another program with its library loaded by a class loader of the application's own, as
 * a Spring Boot jar or an application server does: a {@link URLClassLoader} over the library's
 * jars, which the system class loader (and so the agent) cannot see.
 * args: {@code <jars, path-separated> <probe class of the library> <program class> <its args...>}.
 * The program's own classes load child-first, so they link against the library in that loader.
 * Prints where the library came from before running the program.
 */
public final class OwnClassLoader {

    public static void main(String[] args) throws Throwable {
        List<URL> urls = new ArrayList<>();
        for (String jar : args[0].split(File.pathSeparator)) {
            urls.add(Path.of(jar).toUri().toURL());
        }
        urls.add(OwnClassLoader.class.getProtectionDomain().getCodeSource().getLocation());
        String program = args[2];
        try (URLClassLoader loader = new ChildFirst(urls.toArray(URL[]::new), program)) {
            try {
                ClassLoader.getSystemClassLoader().loadClass(args[1]);
                System.out.println("library visible to the system class loader");
            } catch (ClassNotFoundException expected) {
                System.out.println("library hidden from the system class loader");
            }
            System.out.println("library loaded by own loader " + (Class.forName(args[1], false, loader).getClassLoader() == loader));
            // As a Spring Boot launcher does: libraries that load classes by name (Kafka's serializers) ask the context loader.
            Thread.currentThread().setContextClassLoader(loader);
            Method main = loader.loadClass(program).getMethod("main", String[].class);
            main.invoke(null, (Object) Arrays.copyOfRange(args, 3, args.length));
        }
    }

    /** Loads the program (and its nested classes) itself rather than from the system class loader. */
    private static final class ChildFirst extends URLClassLoader {
        private final String program;

        ChildFirst(URL[] urls, String program) {
            super(urls, ClassLoader.getSystemClassLoader());
            this.program = program;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(program) && !name.startsWith(program + "$")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }
}
