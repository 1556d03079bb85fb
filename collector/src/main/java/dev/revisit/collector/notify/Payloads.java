package dev.revisit.collector.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revisit.collector.verdict.DecisionVerdict;
import dev.revisit.collector.verdict.Verdict;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The bodies a verdict transition is posted as: Alertmanager's webhook JSON (version 4), which
 * receivers people already run accept, and a Slack-compatible {@code {"text": …}}.
 */
final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Alertmanager's "no end" time for a firing alert. */
    private static final String NO_END = "0001-01-01T00:00:00Z";

    private Payloads() {}

    /** One alert per transition: firing while the decision needs attention, resolved when it holds again. */
    static String alertmanager(DecisionVerdict d, Verdict from, Instant at, URI page) {
        boolean resolved = d.verdict() == Verdict.HOLDS;
        String status = resolved ? "resolved" : "firing";
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "4");
        root.put("groupKey", "{}:{decision=\"" + d.decision().id() + "\"}");
        root.put("truncatedAlerts", 0);
        root.put("status", status);
        root.put("receiver", "revisit");
        root.putObject("groupLabels").put("decision", d.decision().id());
        ObjectNode labels = labels(d);
        root.set("commonLabels", labels.deepCopy());
        ObjectNode annotations = annotations(d, from);
        root.set("commonAnnotations", annotations.deepCopy());
        root.put("externalURL", page.resolve("/").toString());
        ObjectNode alert = root.putArray("alerts").addObject();
        alert.put("status", status);
        alert.set("labels", labels);
        alert.set("annotations", annotations);
        alert.put("startsAt", at.toString());
        alert.put("endsAt", resolved ? at.toString() : NO_END);
        alert.put("generatorURL", page.resolve("/decisions/" + java.net.URLEncoder.encode(d.decision().id(), StandardCharsets.UTF_8)
                .replace("+", "%20")).toString());
        alert.put("fingerprint", fingerprint(d.decision().id()));
        return root.toString();
    }

    static String slack(DecisionVerdict d, Verdict from, URI page) {
        String id = d.decision().id();
        String text = (d.verdict() == Verdict.HOLDS ? ":white_check_mark: " : ":warning: ") + id + " " + d.decision().title()
                + ": " + (from == null ? "new" : from.key()) + " → " + d.verdict().key() + " — " + d.reason()
                + " <" + page.resolve("/decisions/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")) + "|evidence>";
        ObjectNode root = JSON.createObjectNode();
        root.put("text", text);
        return root.toString();
    }

    private static ObjectNode labels(DecisionVerdict d) {
        ObjectNode labels = JSON.createObjectNode();
        labels.put("alertname", "RevisitDecisionVerdict");
        labels.put("decision", d.decision().id());
        labels.put("area", d.decision().area().key());
        if (d.decision().owner() != null) {
            labels.put("owner", d.decision().owner());
        }
        labels.put("verdict", d.verdict().key());
        labels.put("severity", d.verdict() == Verdict.REVIEW ? "warning" : "info");
        return labels;
    }

    private static ObjectNode annotations(DecisionVerdict d, Verdict from) {
        ObjectNode annotations = JSON.createObjectNode();
        annotations.put("summary", d.decision().id() + " " + d.decision().title() + ": " + d.verdict().key());
        annotations.put("description", d.reason());
        annotations.put("previous_verdict", from == null ? "" : from.key());
        if (d.decision().link() != null) {
            annotations.put("runbook_url", d.decision().link());
        }
        return annotations;
    }

    /** Stable per decision, as Alertmanager's is per label set of one alert. */
    private static String fingerprint(String decision) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(decision.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
