package dev.revisit.agent;

import dev.revisit.agent.testing.AgentHarness;
import dev.revisit.agent.testing.AgentRun;
import dev.revisit.testapp.agent.SelfAttach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** agentmain: attached to a running JVM, the agent retransforms the JDBC classes already loaded. */
class AttachIT {

    @Test
    void attachingLateMeasuresWhatRunsAfterwards() {
        AgentRun run = AgentHarness.builder(SelfAttach.class).withoutAgent()
                .jvmArg("-Djdk.attach.allowAttachSelf=true")
                .args(AgentHarness.agentJar().toString())
                .run().assertSucceeded();
        // Every select after the attach, none from before: the same SQL shape, so all are SELECT t.
        assertEquals(70, run.otlp().metric("db.client.operation.duration")
                .withAttr("db.operation.name", "SELECT").withAttr("db.collection.name", "t").count(), run.stderr());
    }
}
