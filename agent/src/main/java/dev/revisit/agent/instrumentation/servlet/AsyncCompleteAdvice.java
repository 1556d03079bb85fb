package dev.revisit.agent.instrumentation.servlet;

import dev.revisit.agent.bootstrap.http.HttpServerHook;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Before {@code AsyncContext.complete()}: an async request ends; its status is set by now. */
public final class AsyncCompleteAdvice {
    private AsyncCompleteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This(typing = Assigner.Typing.DYNAMIC) Object context) {
        if (context instanceof AsyncContext async && async.getResponse() instanceof HttpServletResponse res) {
            Object key = async.getRequest(); // Object: see ServiceAdvice
            while (key instanceof ServletRequestWrapper) {
                key = ((ServletRequestWrapper) key).getRequest();
            }
            HttpServerHook.get().asyncComplete(key, res.getStatus());
        }
    }
}
