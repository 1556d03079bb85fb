package dev.revisit.agent.instrumentation;

/**
 * One instrumented library, e.g. {@code jdbc} or {@code caffeine}. Register it in
 * {@link Modules#ALL}. The agent calls {@link #start} once (register instruments, install
 * the bootstrap hook's implementation), then {@link #transform} to learn where its advice
 * goes. Both run on the agent's install thread, never on the application's.
 */
public interface InstrumentationModule {

    /** Lower case; switched by {@code revisit.instrumentation.<name>.enabled} / {@code REVISIT_INSTRUMENTATION_<NAME>_ENABLED}. */
    String name();

    default boolean enabledByDefault() {
        return true;
    }

    void start(ModuleContext context);

    void transform(Transforms transforms);
}
