package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.bootstrap.http.HttpServerHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Before Jetty 12's {@code ServletChannel.onCompleted()}: the container ends a request, also one it timed out
 * without an error page, where nothing the application or the agent sees ({@code AsyncContext.complete()}, a
 * dispatch) ends it. Its status is set by now.
 */
public final class ChannelCompletedAdvice {
    private ChannelCompletedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This(typing = Assigner.Typing.DYNAMIC) Object channel) {
        HttpServerHook.get().containerCompleted(channel);
    }
}
