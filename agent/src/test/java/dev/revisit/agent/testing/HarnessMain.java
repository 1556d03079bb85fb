package dev.revisit.agent.testing;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The child JVM's entry point: waits until the agent has installed its instrumentation
 * (it installs off the main thread), runs the test program's {@code main}, then — when the
 * harness wants to scrape Prometheus — prints {@link #HOLDING} and waits for stdin to close.
 * Only JDK classes here: the child's class path has no test libraries beyond the program's.
 */
public final class HarnessMain {
    static final String HOLDING = "revisit-harness: holding for scrape";
    static final int PROGRAM_FAILED = 3;

    private HarnessMain() {}

    public static void main(String[] args) throws Exception {
        boolean hold = args[0].equals("--hold");
        String program = args[1];
        String[] programArgs = Arrays.copyOfRange(args, 2, args.length);
        awaitAgent();
        Method main = Class.forName(program).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) programArgs);
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            System.exit(PROGRAM_FAILED);
        }
        if (hold) {
            System.out.println(HOLDING);
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // wait for the harness to close our stdin
            }
        }
        System.exit(0);
    }

    private static void awaitAgent() throws Exception {
        Class<?> status;
        try {
            status = Class.forName("dev.revisit.agent.bootstrap.AgentStatus", true, null);
        } catch (ClassNotFoundException noAgent) {
            return; // run without an agent: the program's own behaviour is the baseline
        }
        Object installed = status.getMethod("awaitInstalled", long.class).invoke(null, 60_000L);
        if (!Boolean.TRUE.equals(installed)) {
            throw new IllegalStateException("the agent did not finish installing within 60 s");
        }
    }
}
