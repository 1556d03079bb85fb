package dev.revisit.bench.agent.startup;

/**
 * The start-up benchmark's program: as little as a JVM can run, so the agent's share shows.
 * With the argument {@code await-agent} it first waits until the agent has installed its
 * instrumentation, which is what a program that lives longer than a hello world pays.
 */
public final class HelloWorld {
    private HelloWorld() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("await-agent")) {
            AgentProbe.awaitInstalled(60_000);
        }
        System.out.println("hello, world");
    }
}
