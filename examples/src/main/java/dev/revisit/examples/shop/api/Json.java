package dev.revisit.examples.shop.api;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API's request bodies: one flat JSON object of strings and whole numbers, nothing more. */
final class Json {

    private static final Pattern MEMBER = Pattern.compile(
            "\\s*\"([A-Za-z]+)\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d{1,18}))\\s*(,|$)");

    private final Map<String, String> members;

    private Json(Map<String, String> members) {
        this.members = members;
    }

    static Json parse(String body) throws BadRequest {
        String text = body.strip();
        if (text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            throw new BadRequest(400, "expected a JSON object");
        }
        String inside = text.substring(1, text.length() - 1);
        Map<String, String> members = new HashMap<>();
        Matcher m = MEMBER.matcher(inside);
        int at = 0;
        while (at < inside.length() && !inside.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                throw new BadRequest(400, "malformed JSON at character " + (at + 2));
            }
            members.put(m.group(1), m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3));
            at = m.end();
            if (m.group(4).isEmpty()) {
                break;
            }
        }
        return new Json(members);
    }

    String text(String name) throws BadRequest {
        String value = members.get(name);
        if (value == null || value.isEmpty()) {
            throw new BadRequest(400, "missing \"" + name + "\"");
        }
        return value;
    }

    long number(String name, long min, long max) throws BadRequest {
        try {
            long value = Long.parseLong(text(name));
            if (value < min || value > max) {
                throw new BadRequest(400, "\"" + name + "\" must be " + min + " … " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "\"" + name + "\" must be a whole number");
        }
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
