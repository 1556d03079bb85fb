package dev.revisit.collector.page;

import dev.revisit.collector.api.Responses;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.SignalSource;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * The status page, server-rendered: {@code /} (overview by area) and {@code /decisions/{id}}.
 * Anything else is a 404 page. A strict Content-Security-Policy forbids scripts outright, a
 * second line behind the escaping.
 */
public final class PageHandler extends Handler.Abstract {

    private static final String HTML = "text/html; charset=utf-8";
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'";
    private static final String DECISIONS = "/decisions/";

    private final Supplier<Evaluation> verdicts;
    private final SignalSource source;

    /** {@code source}: where the charts read the signals from, the same as the verdicts. */
    public PageHandler(Supplier<Evaluation> verdicts, SignalSource source) {
        this.verdicts = verdicts;
        this.source = source;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        String path = request.getHttpURI().getPath();
        if (!HttpMethod.GET.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            return page(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method not allowed", "The status page is read-only.");
        }
        Evaluation evaluation = verdicts.get();
        if (evaluation == null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            return page(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "Starting", "The first evaluation has not finished yet; reload in a moment.");
        }
        if ("/".equals(path)) {
            return Responses.text(response, callback, HttpStatus.OK_200, HTML, OverviewPage.render(evaluation));
        }
        if (path != null && path.startsWith(DECISIONS) && path.indexOf('/', DECISIONS.length()) < 0) {
            String id = URIUtil.decodePath(path.substring(DECISIONS.length()));
            Optional<DecisionVerdict> found = evaluation.decisions().stream().filter(d -> d.decision().id().equals(id)).findFirst();
            if (found.isPresent()) {
                return Responses.text(response, callback, HttpStatus.OK_200, HTML, DecisionPage.render(found.get(), evaluation, source.round()));
            }
            return page(response, callback, HttpStatus.NOT_FOUND_404, "Not found", "No decision with id “" + id + "”.");
        }
        return page(response, callback, HttpStatus.NOT_FOUND_404, "Not found", "Nothing at " + URIUtil.decodePath(path) + ".");
    }

    /** A short page whose message may carry request text: escaped like everything else. */
    private static boolean page(Response response, Callback callback, int status, String title, String message) {
        return Responses.text(response, callback, status, HTML,
                Layout.page(title, "<h1>" + Html.esc(title) + "</h1><p class=\"message\">" + Html.esc(message) + "</p><p><a href=\"/\">All decisions</a></p>"));
    }
}
