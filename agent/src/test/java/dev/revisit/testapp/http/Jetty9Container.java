package dev.revisit.testapp.http;

import jakarta.servlet.ServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.listener.ContainerInitializer;

import java.nio.file.Path;

/**
 * Embedded Jetty 9.4: javax Servlet 3.1, so no {@code HttpServletMapping} (compiled only into the javax build of
 * the program, where {@code jakarta.servlet} reads {@code javax.servlet}).
 */
final class Jetty9Container implements ShopContainer {
    private Server server;

    @Override
    public int start(Path dir, String errorPage, ServletContainerInitializer setup) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addEventListener(ContainerInitializer.asContextListener(setup));
        if (errorPage != null) {
            ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
            errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, errorPage);
            context.setErrorHandler(errors);
        }
        server.setHandler(context);
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public void stop() throws Exception {
        server.stop();
    }
}
