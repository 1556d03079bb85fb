package dev.revisit.collector.decisions;

import dev.revisit.collector.catalog.Area;
import dev.revisit.collector.catalog.Catalog;
import dev.revisit.collector.catalog.Scope;
import dev.revisit.collector.catalog.Signal;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a decisions file and reports every mistake in it at once, each with its line and column.
 * It walks SnakeYAML's node tree, whose nodes keep their positions, rather than binding to
 * objects, which would stop at the first mistake and forget where things were.
 */
public final class DecisionsReader {

    /** The longest window the embedded store keeps. */
    public static final Duration MAX_WINDOW = Duration.ofDays(30);

    private static final Set<String> TOP = Set.of("decisions", "questions");
    private static final Set<String> DECISION = new LinkedHashSet<>(Arrays.asList("id", "title", "area", "owner",
            "decided", "review_every", "last_reviewed", "link", "rationale", "alternatives", "consequences",
            "questions", "assumptions"));
    private static final Set<String> ASSUMPTION = new LinkedHashSet<>(Arrays.asList("signal", "scope", "expect",
            "window", "for", "warn"));

    private final Catalog catalog;

    public DecisionsReader(Catalog catalog) {
        this.catalog = catalog;
    }

    public DecisionsFile read(Path path) throws IOException, DecisionsException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(path.toString(), reader);
        }
    }

    public DecisionsFile read(String name, Reader reader) throws DecisionsException {
        return new Walk(name).file(reader);
    }

    /** One reading: collects problems as it goes. */
    private final class Walk {
        private final String file;
        private final List<Problem> problems = new ArrayList<>();

        Walk(String file) {
            this.file = file;
        }

        DecisionsFile file(Reader reader) throws DecisionsException {
            Node root;
            try {
                root = new Yaml(new LoaderOptions()).compose(reader);
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
                if (what.contains("chomping or indentation indicators")) {
                    // a bare `expect: >= 0.85` starts a YAML folded block
                    what += " (quote expectations that start with > or >=: expect: \">= 0.85\")";
                }
                throw new DecisionsException(List.of(new Problem(position(mark), "YAML syntax error: " + what)));
            } catch (YAMLException e) {
                throw new DecisionsException(List.of(new Problem(new Position(file, 1, 1), "YAML error: " + e.getMessage())));
            }
            if (root == null) {
                throw new DecisionsException(List.of(new Problem(new Position(file, 1, 1),
                        "the file is empty: it needs a 'decisions:' list")));
            }
            Map<String, List<String>> questions = Map.of();
            List<Decision> decisions = List.of();
            Map<String, Node> top = fields(root, TOP, "the file", Set.of("decisions"));
            if (top != null) {
                if (top.containsKey("questions")) {
                    questions = signalQuestions(top.get("questions"));
                }
                if (top.containsKey("decisions")) {
                    decisions = decisions(top.get("decisions"));
                }
            }
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparingInt((Problem p) -> p.position().line())
                        .thenComparingInt(p -> p.position().column()));
                throw new DecisionsException(problems);
            }
            return new DecisionsFile(file, decisions, questions);
        }

        private List<Decision> decisions(Node node) {
            if (!(node instanceof SequenceNode list)) {
                problem(node, "'decisions' must be a list (each item starts with '- id: …')");
                return List.of();
            }
            List<Decision> decisions = new ArrayList<>();
            Map<String, Node> ids = new HashMap<>();
            for (Node item : list.getValue()) {
                Decision decision = decision(item, ids);
                if (decision != null) {
                    decisions.add(decision);
                }
            }
            return decisions;
        }

        private Decision decision(Node node, Map<String, Node> ids) {
            Map<String, Node> f = fields(node, DECISION, "a decision", Set.of("id", "title", "area", "decided"));
            if (f == null) {
                return null;
            }
            String id = text(f.get("id"), "id");
            if (id != null) {
                Node first = ids.putIfAbsent(id, f.get("id"));
                if (first != null) {
                    problem(f.get("id"), "duplicate id '" + id + "' (first used at line "
                            + (first.getStartMark().getLine() + 1) + ")");
                }
            }
            String title = text(f.get("title"), "title");
            Area area = area(f.get("area"));
            LocalDate decided = date(f.get("decided"), "decided");
            LocalDate lastReviewed = f.containsKey("last_reviewed") ? date(f.get("last_reviewed"), "last_reviewed") : null;
            if (decided != null && lastReviewed != null && lastReviewed.isBefore(decided)) {
                problem(f.get("last_reviewed"), "last_reviewed " + lastReviewed + " is before decided " + decided);
            }
            Duration reviewEvery = null;
            if (f.containsKey("review_every")) {
                reviewEvery = duration(f.get("review_every"), "review_every");
                if (reviewEvery != null && reviewEvery.toDays() < 1) {
                    problem(f.get("review_every"), "review_every must be at least 1d");
                    reviewEvery = null;
                }
            }
            List<Assumption> assumptions = new ArrayList<>();
            if (f.containsKey("assumptions")) {
                Node list = f.get("assumptions");
                if (list instanceof SequenceNode seq) {
                    for (Node item : seq.getValue()) {
                        Assumption a = assumption(item);
                        if (a != null) {
                            assumptions.add(a);
                        }
                    }
                } else if (!isNull(list)) {
                    problem(list, "'assumptions' must be a list (each item starts with '- signal: …')");
                }
            }
            if (id == null || title == null || area == null || decided == null) {
                return null;
            }
            return new Decision(id, title, area, optionalText(f.get("owner"), "owner"), decided, reviewEvery,
                    lastReviewed, optionalText(f.get("link"), "link"), optionalText(f.get("rationale"), "rationale"),
                    texts(f.get("alternatives"), "alternatives"), texts(f.get("consequences"), "consequences"),
                    texts(f.get("questions"), "questions"), List.copyOf(assumptions), position(node));
        }

        private Assumption assumption(Node node) {
            Map<String, Node> f = fields(node, ASSUMPTION, "an assumption", Set.of("signal", "expect"));
            if (f == null) {
                return null;
            }
            Signal signal = signal(f.get("signal"));
            Scope scope = f.containsKey("scope") ? scope(f.get("scope"), signal) : Scope.ALL;
            if (signal != null && scope != null) {
                for (String required : signal.requiredScope()) {
                    if (!scope.patterns().containsKey(required)) {
                        problem(f.containsKey("scope") ? f.get("scope") : f.get("signal"),
                                signal.name() + " needs the scope to name '" + required + "'");
                    }
                }
            }
            Threshold expect = null;
            String expectText = text(f.get("expect"), "expect");
            if (signal != null && expectText != null) {
                try {
                    expect = Quantities.threshold(expectText, signal.name(), signal.unit());
                } catch (IllegalArgumentException e) {
                    problem(f.get("expect"), "bad expect: " + e.getMessage());
                }
            }
            Duration window = f.containsKey("window") ? duration(f.get("window"), "window") : Assumption.DEFAULT_WINDOW;
            if (window != null && (window.isZero() || window.compareTo(MAX_WINDOW) > 0)) {
                problem(f.get("window"), "window must be longer than 0 and at most 30d (what the store keeps)");
                window = null;
            }
            Duration sustain = f.containsKey("for") ? duration(f.get("for"), "for") : Assumption.DEFAULT_SUSTAIN;
            if (sustain != null && sustain.compareTo(MAX_WINDOW) > 0) {
                problem(f.get("for"), "for must be at most 30d");
                sustain = null;
            }
            Margin warn = Margin.DEFAULT;
            if (f.containsKey("warn")) {
                String warnText = text(f.get("warn"), "warn");
                warn = null;
                if (signal != null && warnText != null) {
                    try {
                        warn = Quantities.margin(warnText, signal.name(), signal.unit());
                    } catch (IllegalArgumentException e) {
                        problem(f.get("warn"), "bad warn: " + e.getMessage());
                    }
                }
            }
            if (signal == null || scope == null || expect == null || window == null || sustain == null || warn == null) {
                return null;
            }
            return new Assumption(signal, scope, expect, window, sustain, warn, position(node));
        }

        private Signal signal(Node node) {
            String name = text(node, "signal");
            if (name == null) {
                return null;
            }
            Signal signal = catalog.get(name).orElse(null);
            if (signal == null) {
                problem(node, "unknown signal '" + name + "'" + Suggestions.didYouMean(name, catalog.names())
                        + "; see docs/signals.md");
            }
            return signal;
        }

        private Scope scope(Node node, Signal signal) {
            if (!(node instanceof MappingNode map)) {
                problem(node, "'scope' must be a mapping of attribute to value, e.g. { service.name: catalog }");
                return null;
            }
            Map<String, String> patterns = new LinkedHashMap<>();
            boolean ok = true;
            for (NodeTuple t : map.getValue()) {
                String key = keyOf(t);
                if (key == null) {
                    ok = false;
                    continue;
                }
                if (patterns.containsKey(key)) {
                    problem(t.getKeyNode(), "duplicate scope key '" + key + "'");
                    ok = false;
                    continue;
                }
                if (signal != null && !signal.scopeKeys().contains(key)) {
                    problem(t.getKeyNode(), "unknown scope key '" + key + "' for " + signal.name()
                            + Suggestions.didYouMean(key, signal.scopeKeys()));
                    ok = false;
                }
                String value = text(t.getValueNode(), "scope." + key);
                if (value == null) {
                    ok = false;
                } else {
                    patterns.put(key, value);
                }
            }
            return ok ? new Scope(patterns) : null;
        }

        private Area area(Node node) {
            String key = text(node, "area");
            if (key == null) {
                return null;
            }
            Area area = Area.parse(key).orElse(null);
            if (area == null) {
                List<String> keys = Arrays.stream(Area.values()).map(Area::key).toList();
                problem(node, "unknown area '" + key + "'" + Suggestions.didYouMean(key, keys) + "; areas are "
                        + String.join(", ", keys));
            }
            return area;
        }

        private Map<String, List<String>> signalQuestions(Node node) {
            if (!(node instanceof MappingNode map)) {
                problem(node, "'questions' must map signal names to lists of questions");
                return Map.of();
            }
            Map<String, List<String>> questions = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String name = keyOf(t);
                if (name == null) {
                    continue;
                }
                if (catalog.get(name).isEmpty()) {
                    problem(t.getKeyNode(), "unknown signal '" + name + "'" + Suggestions.didYouMean(name, catalog.names()));
                }
                questions.put(name, texts(t.getValueNode(), "questions." + name));
            }
            return questions;
        }

        /**
         * The fields of a mapping by name, after reporting duplicate, unknown and missing fields;
         * null when {@code node} is not a mapping.
         */
        private Map<String, Node> fields(Node node, Set<String> known, String what, Set<String> required) {
            if (!(node instanceof MappingNode map)) {
                problem(node, what + " must be a mapping of fields (name: value)");
                return null;
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = keyOf(t);
                if (key == null) {
                    continue;
                }
                if (!known.contains(key)) {
                    problem(t.getKeyNode(), "unknown field '" + key + "' in " + what + Suggestions.didYouMean(key, known));
                } else if (fields.containsKey(key)) {
                    problem(t.getKeyNode(), "duplicate field '" + key + "'");
                } else {
                    fields.put(key, t.getValueNode());
                }
            }
            for (String field : required) {
                if (!fields.containsKey(field)) {
                    problem(node, what + " is missing the required field '" + field + "'");
                }
            }
            return fields;
        }

        private String keyOf(NodeTuple t) {
            if (t.getKeyNode() instanceof ScalarNode s) {
                return s.getValue();
            }
            problem(t.getKeyNode(), "a field name must be plain text");
            return null;
        }

        /** A required, non-empty scalar as text; null (with a problem) otherwise. */
        private String text(Node node, String field) {
            if (node == null) {
                return null; // a missing required field is reported once, by fields()
            }
            if (!(node instanceof ScalarNode s)) {
                problem(node, "'" + field + "' must be a single value, not a list or mapping");
                return null;
            }
            if (isNull(s) || s.getValue().isBlank()) {
                problem(node, "'" + field + "' is empty");
                return null;
            }
            return s.getValue();
        }

        private String optionalText(Node node, String field) {
            return node == null || isNull(node) ? null : text(node, field);
        }

        /** One text or a list of texts. */
        private List<String> texts(Node node, String field) {
            if (node == null || isNull(node)) {
                return List.of();
            }
            if (node instanceof SequenceNode seq) {
                List<String> out = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    String t = text(item, field);
                    if (t != null) {
                        out.add(t);
                    }
                }
                return List.copyOf(out);
            }
            String t = text(node, field);
            return t == null ? List.of() : List.of(t);
        }

        private LocalDate date(Node node, String field) {
            String t = text(node, field);
            if (t == null) {
                return null;
            }
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                problem(node, "'" + field + "' must be a date like 2026-03-02, not '" + t + "'");
                return null;
            }
        }

        private Duration duration(Node node, String field) {
            String t = text(node, field);
            if (t == null) {
                return null;
            }
            try {
                return Durations.parse(t);
            } catch (IllegalArgumentException e) {
                problem(node, "bad " + field + ": " + e.getMessage());
                return null;
            }
        }

        private boolean isNull(Node node) {
            return node.getTag().equals(Tag.NULL);
        }

        private void problem(Node node, String message) {
            problems.add(new Problem(position(node.getStartMark()), message));
        }

        private Position position(Node node) {
            return position(node.getStartMark());
        }

        private Position position(Mark mark) {
            return mark == null ? new Position(file, 1, 1) : new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
        }
    }
}
