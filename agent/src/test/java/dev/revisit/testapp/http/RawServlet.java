package dev.revisit.testapp.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain servlet on {@code /raw/*}, outside Spring MVC (so its route is the servlet mapping):
 * {@code /raw/hang} starts async and never completes (the container's async timeout ends it),
 * {@code /raw/v3/later} completes async from another thread after {@link SecuredShop#HANDLER_SLEEP_MS},
 * {@code /raw/boom} throws, anything else is a 404 sent with {@code sendError}.
 */
final class RawServlet extends HttpServlet {
    static final AtomicInteger DISPATCHED = new AtomicInteger();
    static final int LATER_STATUS = 202;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = String.valueOf(request.getPathInfo());
        switch (path) {
            case "/hang" -> {
                DISPATCHED.incrementAndGet();
                request.startAsync().setTimeout(SecuredShop.HANG_TIMEOUT_MS);
            }
            case "/v3/later" -> {
                AsyncContext async = request.startAsync();
                Thread worker = new Thread(() -> {
                    SecuredShop.sleep(SecuredShop.HANDLER_SLEEP_MS);
                    ((HttpServletResponse) async.getResponse()).setStatus(LATER_STATUS);
                    async.complete();
                }, "raw-async");
                worker.start();
            }
            case "/boom" -> throw new IllegalStateException("raw boom");
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
