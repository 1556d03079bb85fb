package dev.revisit.collector.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;

/**
 * The token every mutating request must carry as {@code Authorization: Bearer <token>}. Without
 * a configured token, writes are refused outright rather than left open.
 */
public final class BearerToken {

    public static final BearerToken NONE = new BearerToken(null);

    private final byte[] token;

    private BearerToken(byte[] token) {
        this.token = token;
    }

    public static BearerToken of(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the API token must not be empty");
        }
        return new BearerToken(token.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Throws {@link ApiError} 401 (missing or wrong) or 403 (writes disabled) unless the request carries the token. */
    void check(Request request) {
        if (token == null) {
            throw new ApiError(HttpStatus.FORBIDDEN_403, "writes are disabled: start the collector with --api-token-file to enable them");
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(HttpStatus.UNAUTHORIZED_401, "this endpoint needs 'Authorization: Bearer <token>'");
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token, given)) { // constant time: the comparison leaks nothing about the token
            throw new ApiError(HttpStatus.UNAUTHORIZED_401, "wrong bearer token");
        }
    }
}
