package dev.revisit.testapp.http;

import jakarta.servlet.ServletContainerInitializer;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;

import java.nio.file.Path;

/** Embedded Tomcat (9 with the javax build of the program, 10.1 and 11 with the Jakarta ones). */
final class TomcatContainer implements ShopContainer {
    private Tomcat tomcat;

    @Override
    public int start(Path dir, String errorPage, ServletContainerInitializer setup) throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(dir.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", dir.toString());
        context.addServletContainerInitializer(setup, null);
        if (errorPage != null) {
            ErrorPage everything = new ErrorPage(); // no code, no exception type: the default error page
            everything.setLocation(errorPage);
            context.addErrorPage(everything);
        }
        tomcat.start();
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
