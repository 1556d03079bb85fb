package dev.revisit.testapp.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.concurrent.atomic.AtomicInteger;

/** Starts async and never completes: the container's async timeout ends each request. */
final class HangingServlet extends HttpServlet {
    static final AtomicInteger DISPATCHED = new AtomicInteger();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        DISPATCHED.incrementAndGet();
        AsyncContext async = request.startAsync();
        async.setTimeout(SecuredShop.HANG_TIMEOUT_MS);
    }
}
