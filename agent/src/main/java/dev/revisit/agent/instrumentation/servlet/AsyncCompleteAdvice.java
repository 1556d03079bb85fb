package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.bootstrap.http.HttpServerHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Before {@code AsyncContext.complete()} (either namespace): an async request ends; its status is set by now. */
public final class AsyncCompleteAdvice {
    private AsyncCompleteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This(typing = Assigner.Typing.DYNAMIC) Object context) {
        HttpServerHook.get().asyncComplete(context);
    }
}
