package dev.revisit.agent.bootstrap;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whether the agent has finished installing its instrumentations. Installation runs off the
 * application's main thread (see {@code dev.revisit.agent.RevisitAgent}), so code that must
 * not start before it — tests, benchmarks — can wait here.
 */
public final class AgentStatus {
    private static final CountDownLatch INSTALLED = new CountDownLatch(1);

    private AgentStatus() {}

    public static void markInstalled() {
        INSTALLED.countDown();
    }

    public static boolean isInstalled() {
        return INSTALLED.getCount() == 0;
    }

    /** @return true when installed within the timeout */
    public static boolean awaitInstalled(long timeoutMillis) throws InterruptedException {
        return INSTALLED.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
