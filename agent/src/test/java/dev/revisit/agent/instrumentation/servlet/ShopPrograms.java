package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.ProgramCompiler;
import dev.revisit.testapp.http.ErrorPageShop;
import dev.revisit.testapp.http.SecuredShop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Spring Security test program (or, sharing its sources, the error page one) compiled against a library set that agent/pom.xml copies (a Spring
 * generation, and optionally another container's jars in place of its Tomcat) and run on it alone.
 */
final class ShopPrograms {
    private static final String[] PROGRAM = {
        "dev/revisit/testapp/http/SecuredShop.java", "dev/revisit/testapp/http/SecuredShopConfig.java",
        "dev/revisit/testapp/http/ShopController.java", "dev/revisit/testapp/http/SleepingJwtDecoder.java",
        "dev/revisit/testapp/http/SleepingPasswordEncoder.java", "dev/revisit/testapp/http/RawServlet.java",
        "dev/revisit/testapp/http/IntrospectionEndpoint.java", "dev/revisit/testapp/http/ShopContainer.java",
    };

    private ShopPrograms() {}

    /** On Tomcat, as the Spring set brings it. */
    static AgentHarness.Builder onTomcat(String name, String springSet, boolean javax, String... more) {
        List<String> sources = new ArrayList<>(List.of(more));
        sources.add("dev/revisit/testapp/http/TomcatContainer.java");
        return on(SecuredShop.class, name, ProgramCompiler.libraries(springSet), javax, sources);
    }

    /**
     * On another container: the Spring set without its Tomcat, plus the container's set.
     * @param container the {@code <name>Container} class of the program that starts it
     */
    static AgentHarness.Builder onContainer(String name, String springSet, String containerSet, String container, boolean javax,
                                            String... more) {
        return onContainer(SecuredShop.class, name, springSet, containerSet, container, javax, more);
    }

    /** {@link ErrorPageShop} on another container, as {@link #onContainer(String, String, String, String, boolean, String...)}. */
    static AgentHarness.Builder errorPagesOn(String name, String springSet, String containerSet, String container) {
        return onContainer(ErrorPageShop.class, name, springSet, containerSet, container, false,
                "dev/revisit/testapp/http/ErrorPageShop.java");
    }

    private static AgentHarness.Builder onContainer(Class<?> program, String name, String springSet, String containerSet,
                                                    String container, boolean javax, String... more) {
        List<Path> libraries = Stream.concat(
                ProgramCompiler.libraries(springSet).stream().filter(jar -> !jar.getFileName().toString().startsWith("tomcat-")),
                ProgramCompiler.libraries(containerSet).stream()).toList();
        List<String> sources = new ArrayList<>(List.of(more));
        sources.add("dev/revisit/testapp/http/" + container + "Container.java");
        return on(program, name, libraries, javax, sources).jvmArg("-Dshop.container=" + container);
    }

    private static AgentHarness.Builder on(Class<?> program, String name, List<Path> libraries, boolean javax, List<String> more) {
        List<String> sources = new ArrayList<>(List.of(PROGRAM));
        sources.addAll(more);
        Path classes = ProgramCompiler.compile(name, libraries, javax, sources.toArray(String[]::new));
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes);
        classpath.addAll(libraries);
        return AgentHarness.builder(program).onlyClasspath(classpath);
    }
}
