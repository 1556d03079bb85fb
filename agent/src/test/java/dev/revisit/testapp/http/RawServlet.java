package dev.revisit.testapp.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain servlet on {@code /raw/*}, outside Spring MVC (so its route is the servlet mapping):
 * {@code /raw/hang} and {@code /raw/v4/timeout} (or {@code v5}) start async and never complete (the container's async timeout ends
 * them), {@code /raw/v4/timeout-answered} too, but its listener answers the timeout with {@link #TIMEOUT_STATUS},
 * {@code /raw/v3/later} completes async from another thread after {@link SecuredShop#HANDLER_SLEEP_MS},
 * {@code /raw/boom} throws, anything else is a 404 sent with {@code sendError}.
 */
final class RawServlet extends HttpServlet {
    static final AtomicInteger DISPATCHED = new AtomicInteger();
    static final int LATER_STATUS = 202;
    /** What {@code /raw/v4/timeout-answered}'s listener answers when the container times the request out. */
    static final int TIMEOUT_STATUS = 503;
    static final long TIMEOUT_MS = 500;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = String.valueOf(request.getPathInfo());
        switch (path) {
            case "/hang" -> {
                DISPATCHED.incrementAndGet();
                request.startAsync().setTimeout(SecuredShop.HANG_TIMEOUT_MS);
            }
            case "/v4/timeout", "/v5/timeout" -> request.startAsync().setTimeout(TIMEOUT_MS);
            case "/v4/timeout-answered" -> {
                AsyncContext async = request.startAsync();
                async.setTimeout(TIMEOUT_MS);
                async.addListener(new AnsweringListener());
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

    /** Completes a timed-out request itself, with its own status: the container then neither answers 500 nor dispatches. */
    private static final class AnsweringListener implements AsyncListener {
        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            ((HttpServletResponse) event.getAsyncContext().getResponse()).setStatus(TIMEOUT_STATUS);
            event.getAsyncContext().complete();
        }

        @Override
        public void onComplete(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
