package dev.revisit.collector.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code google.rpc.Status} body OTLP/HTTP puts on an error response, in the request's
 * encoding. The message type is not in opentelemetry-proto and two fields do not justify
 * another dependency, so it is written by hand: {@code int32 code = 1; string message = 2}.
 */
final class RpcStatus {

    /** gRPC code INVALID_ARGUMENT, used for malformed payloads. */
    static final int INVALID_ARGUMENT = 3;
    static final int NOT_FOUND = 5;
    static final int RESOURCE_EXHAUSTED = 8;
    static final int INTERNAL = 13;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RpcStatus() {}

    static byte[] protobuf(int code, String message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.writeInt32(1, code);
            coded.writeString(2, message);
            coded.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] json(int code, String message) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("code", code);
        status.put("message", message);
        try {
            return JSON.writeValueAsBytes(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
