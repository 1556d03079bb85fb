package dev.revisit.testapp.http;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ErrorPage;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.ServletContainerInitializer;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;

/** Embedded Undertow 2.3 with its servlet deployment (Jakarta Servlet 6.0). */
final class UndertowContainer implements ShopContainer {
    private DeploymentManager deployment;
    private Undertow server;

    @Override
    public int start(Path dir, String errorPage, ServletContainerInitializer setup) throws Exception {
        DeploymentInfo info = Servlets.deployment().setClassLoader(UndertowContainer.class.getClassLoader())
                .setContextPath("/").setDeploymentName("shop-" + dir.getFileName())
                .addServletContainerInitializer(new ServletContainerInitializerInfo(setup.getClass(),
                        new ImmediateInstanceFactory<>(setup), Set.of()));
        if (errorPage != null) {
            info.addErrorPage(new ErrorPage(errorPage)); // no code, no exception type: the default error page
        }
        deployment = Servlets.defaultContainer().addDeployment(info);
        deployment.deploy();
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(deployment.start()).build();
        server.start();
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void stop() throws Exception {
        server.stop();
        deployment.stop();
        deployment.undeploy();
    }
}
