package dev.revisit.collector.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revisit.collector.decisions.Decision;
import dev.revisit.collector.report.VerdictJson;
import dev.revisit.collector.reviewlog.Acknowledgement;
import dev.revisit.collector.reviewlog.ReviewLog;
import dev.revisit.collector.reviewlog.ReviewLogUnavailableException;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Evaluation;
import dev.revisit.collector.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * {@code /api/v1/*}: {@code decisions}, {@code decisions/{id}}, {@code findings},
 * {@code openapi.json} and, with a review log, reviews, verdict history and acknowledgements
 * (writes need the bearer token). Reads answer from the verdict loop's latest round, so a request
 * never evaluates anything itself. Every refusal is a JSON error: 4xx for the client's mistakes,
 * 503 while the review log's database is away (nothing was written).
 */
public final class ApiHandler extends Handler.Abstract {

    public static final String PREFIX = "/api/v1/";
    /** Largest request body the API reads; reviews and acknowledgements are a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** How much of an oversize body is drained so that its 413 reaches the client; beyond it, the connection is dropped. */
    private static final long DRAIN_BYTES = 1024 * 1024;
    private static final byte[] OPENAPI = openApi();

    private final Supplier<Evaluation> verdicts;
    private final ReviewResources reviews;
    private final BearerToken token;

    /** Read-only, without a review log. */
    public ApiHandler(Supplier<Evaluation> verdicts) {
        this(verdicts, null, BearerToken.NONE, Clock.systemUTC());
    }

    /** With the review log (null for none) and the token its writes need. */
    public ApiHandler(Supplier<Evaluation> verdicts, ReviewLog log, BearerToken token, Clock clock) {
        this.verdicts = verdicts;
        this.reviews = log == null ? null : new ReviewResources(log, clock);
        this.token = token;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            return route(request, response, callback);
        } catch (ApiError e) {
            return Responses.error(response, callback, e.status(), e.getMessage());
        } catch (ReviewLogUnavailableException e) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "30");
            return Responses.error(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, e.getMessage());
        }
    }

    private boolean route(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(PREFIX)) {
            throw new ApiError(HttpStatus.NOT_FOUND_404, "no such resource: " + path);
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        boolean post = HttpMethod.POST.is(request.getMethod());
        boolean writable = reviews != null && parts.length == 3
                && (parts[0].equals("decisions") && parts[2].equals("reviews") || parts[0].equals("findings") && parts[2].equals("acknowledgement"));
        if (!HttpMethod.GET.is(request.getMethod()) && !(post && writable)) {
            response.getHeaders().put(HttpHeader.ALLOW, writable ? "GET, POST" : "GET");
            throw new ApiError(HttpStatus.METHOD_NOT_ALLOWED_405, request.getMethod() + " is not allowed on " + path);
        }
        if (parts.length == 1 && parts[0].equals("openapi.json")) {
            return Responses.bytes(response, callback, HttpStatus.OK_200, "application/json", OPENAPI);
        }
        if (post) {
            token.check(request); // before reading the body: an unauthenticated client gets nothing read
        }
        Evaluation evaluation = verdicts.get();
        if (evaluation == null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE_503, "the first evaluation has not finished yet");
        }
        if (parts.length == 1 && parts[0].equals("decisions")) {
            return Responses.json(response, callback, HttpStatus.OK_200, decisions(evaluation));
        }
        if (parts.length == 1 && parts[0].equals("findings")) {
            return Responses.json(response, callback, HttpStatus.OK_200, findings(evaluation));
        }
        if (parts.length == 1 && parts[0].equals("reviews") && reviews != null) {
            return Responses.json(response, callback, HttpStatus.OK_200, reviews.reviews(null));
        }
        if (parts.length >= 2 && parts.length <= 3 && parts[0].equals("decisions")) {
            DecisionVerdict d = decision(evaluation, URIUtil.decodePath(parts[1]));
            if (parts.length == 2) {
                ObjectNode body = decision(d);
                body.put("at", evaluation.at().toString());
                return Responses.json(response, callback, HttpStatus.OK_200, body);
            }
            if (reviews != null && parts[2].equals("reviews")) {
                return post ? Responses.json(response, callback, HttpStatus.CREATED_201, reviews.recordReview(d, body(request)))
                        : Responses.json(response, callback, HttpStatus.OK_200, reviews.reviews(d.decision().id()));
            }
            if (reviews != null && parts[2].equals("history")) {
                return Responses.json(response, callback, HttpStatus.OK_200, reviews.history(d.decision().id()));
            }
        }
        if (post && parts[0].equals("findings")) {
            String finding = URIUtil.decodePath(parts[1]);
            if (Finding.of(evaluation).stream().noneMatch(f -> f.id().equals(finding))) {
                throw new ApiError(HttpStatus.NOT_FOUND_404, "no current finding with id '" + finding + "' (see " + PREFIX + "findings)");
            }
            return Responses.json(response, callback, HttpStatus.CREATED_201, reviews.acknowledge(finding, body(request)));
        }
        throw new ApiError(HttpStatus.NOT_FOUND_404, "no such resource: " + path + " (see " + PREFIX + "openapi.json)");
    }

    private static DecisionVerdict decision(Evaluation evaluation, String id) {
        return find(evaluation, id).orElseThrow(() -> new ApiError(HttpStatus.NOT_FOUND_404, "no decision with id '" + id + "'"));
    }

    /**
     * The request body, at most {@link #MAX_BODY_BYTES}; larger is a 413. Up to {@link #DRAIN_BYTES} of an
     * oversize body is read and dropped first: closing on unread bytes makes the kernel reset the
     * connection, and the client then loses the 413 it was sent (the JDK client saw "no bytes").
     */
    private static byte[] body(Request request) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (request.getLength() > MAX_BODY_BYTES) {
                throw tooLarge(in);
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge(in);
            }
            return body;
        } catch (IOException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "could not read the body: " + e.getMessage());
        }
    }

    private static ApiError tooLarge(InputStream rest) throws IOException {
        long dropped = 0;
        byte[] sink = new byte[8192];
        for (int n; dropped < DRAIN_BYTES && (n = rest.read(sink)) > 0; ) {
            dropped += n;
        }
        return new ApiError(HttpStatus.PAYLOAD_TOO_LARGE_413, "the body exceeds " + MAX_BODY_BYTES + " bytes");
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

    private ObjectNode findings(Evaluation evaluation) {
        Map<String, Acknowledgement> acks = acknowledgements();
        java.time.LocalDate today = evaluation.at().atZone(java.time.ZoneOffset.UTC).toLocalDate();
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
            Acknowledgement ack = acks.get(f.id());
            if (ack != null && ack.activeOn(today)) {
                n.set("acknowledged", ReviewResources.ack(ack));
            }
        }
        return root;
    }

    /** Acknowledgements to mark findings with; none when the log is absent or away (the list still answers). */
    private Map<String, Acknowledgement> acknowledgements() {
        if (reviews == null) {
            return Map.of();
        }
        try {
            return reviews.acknowledgements();
        } catch (ReviewLogUnavailableException e) {
            return Map.of();
        }
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
