package dev.revisit.agent.instrumentation;

import dev.revisit.agent.config.Config;
import dev.revisit.agent.recorder.Recorder;

/** What a module gets at start: the recorder to register instruments with, and its settings. */
public record ModuleContext(Recorder recorder, Config config) {}
