package dev.revisit.testapp.http;

import jakarta.servlet.ServletContainerInitializer;

import java.nio.file.Path;

/**
 * An embedded servlet container the shop runs on, chosen with {@code -Dshop.container=Tomcat|Jetty|Undertow|Jetty9}
 * (the class {@code <name>Container}, compiled only with its own jars). The shop registers its servlets and
 * filter itself, through the Servlet API, from {@code setup}: the same registrations on every container.
 */
interface ShopContainer {

    /**
     * Starts on an ephemeral port of 127.0.0.1 with {@code setup} run on the web application's start; returns the port.
     * @param errorPage where every error goes (the default error page, as Spring Boot registers {@code /error}), or null
     */
    int start(Path dir, String errorPage, ServletContainerInitializer setup) throws Exception;

    void stop() throws Exception;

    static ShopContainer named(String name) throws ReflectiveOperationException {
        return (ShopContainer) Class.forName(ShopContainer.class.getPackageName() + "." + name + "Container")
                .getDeclaredConstructor().newInstance();
    }
}
