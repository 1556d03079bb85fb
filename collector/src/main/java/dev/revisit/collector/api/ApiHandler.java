package dev.revisit.collector.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revisit.collector.decisions.Decision;
import dev.revisit.collector.report.VerdictJson;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
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
 * {@code /api/v1/*}, read-only: {@code decisions}, {@code decisions/{id}}, {@code findings} and
 * {@code openapi.json}. Answers from the verdict loop's latest round, so a request never
 * evaluates anything itself.
 */
public final class ApiHandler extends Handler.Abstract {

    public static final String PREFIX = "/api/v1/";
    private static final byte[] OPENAPI = openApi();

    private final Supplier<Evaluation> verdicts;

    public ApiHandler(Supplier<Evaluation> verdicts) {
        this.verdicts = verdicts;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(PREFIX)) {
            return Responses.error(response, callback, HttpStatus.NOT_FOUND_404, "no such resource: " + path);
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (!HttpMethod.GET.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            return Responses.error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    request.getMethod() + " is not allowed on " + path + "; use GET");
        }
        if (parts.length == 1 && parts[0].equals("openapi.json")) {
            return Responses.bytes(response, callback, HttpStatus.OK_200, "application/json", OPENAPI);
        }
        Evaluation evaluation = verdicts.get();
        if (evaluation == null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            return Responses.error(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "the first evaluation has not finished yet");
        }
        if (parts.length == 1 && parts[0].equals("decisions")) {
            return Responses.json(response, callback, HttpStatus.OK_200, decisions(evaluation));
        }
        if (parts.length == 2 && parts[0].equals("decisions")) {
            String id = URIUtil.decodePath(parts[1]);
            Optional<DecisionVerdict> found = find(evaluation, id);
            if (found.isEmpty()) {
                return Responses.error(response, callback, HttpStatus.NOT_FOUND_404, "no decision with id '" + id + "'");
            }
            ObjectNode body = decision(found.get());
            body.put("at", evaluation.at().toString());
            return Responses.json(response, callback, HttpStatus.OK_200, body);
        }
        if (parts.length == 1 && parts[0].equals("findings")) {
            return Responses.json(response, callback, HttpStatus.OK_200, findings(evaluation));
        }
        return Responses.error(response, callback, HttpStatus.NOT_FOUND_404, "no such resource: " + path
                + " (see " + PREFIX + "openapi.json)");
    }

    static Optional<DecisionVerdict> find(Evaluation evaluation, String id) {
        return evaluation.decisions().stream().filter(d -> d.decision().id().equals(id)).findFirst();
    }

    private static ObjectNode decisions(Evaluation evaluation) {
        ObjectNode root = Responses.JSON.createObjectNode();
        root.put("at", evaluation.at().toString());
        root.put("warrants_review", evaluation.warrantsReview());
        ObjectNode counts = root.putObject("counts");
        for (Map.Entry<Verdict, Integer> e : evaluation.counts().entrySet()) {
            counts.put(e.getKey().key(), e.getValue());
        }
        ArrayNode list = root.putArray("decisions");
        evaluation.decisions().forEach(d -> list.add(decision(d)));
        return root;
    }

    /** The report's JSON for a decision plus the record fields a page or a script needs. */
    static ObjectNode decision(DecisionVerdict d) {
        ObjectNode node = VerdictJson.decision(d);
        Decision decision = d.decision();
        node.put("owner", decision.owner());
        node.put("link", decision.link());
        node.put("decided", decision.decided().toString());
        node.put("last_reviewed", decision.lastReviewed() == null ? null : decision.lastReviewed().toString());
        node.put("rationale", decision.rationale());
        return node;
    }

    private static ObjectNode findings(Evaluation evaluation) {
        ObjectNode root = Responses.JSON.createObjectNode();
        root.put("at", evaluation.at().toString());
        ArrayNode list = root.putArray("findings");
        for (Finding f : Finding.of(evaluation)) {
            ObjectNode n = list.addObject();
            n.put("id", f.id());
            n.put("decision", f.decisionId());
            n.put("area", f.decision().decision().area().key());
            n.put("owner", f.decision().decision().owner());
            if (f.assumption() > 0) {
                n.put("assumption", f.assumption());
                n.put("signal", f.decision().assumptions().get(f.assumption() - 1).assumption().signal().name());
            }
            n.put("verdict", f.verdict().key());
            n.put("reason", f.reason());
        }
        return root;
    }

    private static byte[] openApi() {
        try (InputStream in = ApiHandler.class.getResourceAsStream("/api/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("api/openapi.json is missing from the collector's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
