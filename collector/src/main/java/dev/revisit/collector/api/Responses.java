package dev.revisit.collector.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the collector's HTTP answers: JSON bodies and JSON errors of one shape
 * ({@code {"error": {"status": 404, "message": "…"}}}), so clients handle every failure alike.
 */
public final class Responses {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Responses() {}

    /** Always returns true: the request is handled, as Jetty's {@code handle} expects. */
    public static boolean json(Response response, Callback callback, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = (JSON.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree we built ourselves always serialises
        }
        return bytes(response, callback, status, "application/json", bytes);
    }

    public static boolean error(Response response, Callback callback, int status, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("status", status);
        error.put("message", message);
        return json(response, callback, status, root);
    }

    /** {@code contentType} in full, e.g. {@code "text/html; charset=utf-8"}. */
    public static boolean text(Response response, Callback callback, int status, String contentType, String body) {
        return bytes(response, callback, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static boolean bytes(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store"); // verdicts change every round
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
