package dev.revisit.collector.server;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.revisit.collector.ingest.OtlpMetricsIngester;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * OTLP/HTTP {@code POST /v1/metrics}: protobuf or JSON, optionally gzipped. Every failure is
 * answered on its own request (400 with a {@code google.rpc.Status} in the request's encoding,
 * 405, 413, 415) and touches nothing shared, so one bad sender never disturbs the others.
 */
final class OtlpMetricsHandler extends Handler.Abstract {

    private static final System.Logger LOG = System.getLogger(OtlpMetricsHandler.class.getName());
    static final String PROTOBUF = "application/x-protobuf";
    static final String JSON = "application/json";
    private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer JSON_PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private final OtlpMetricsIngester ingester;
    private final int maxBytes;

    OtlpMetricsHandler(OtlpMetricsIngester ingester, int maxBytes) {
        this.ingester = ingester;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            return plain(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "use POST for OTLP metrics\n");
        }
        String type = mediaType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        boolean json = JSON.equals(type);
        if (!json && !PROTOBUF.equals(type)) {
            return plain(response, callback, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415,
                    "Content-Type must be " + PROTOBUF + " or " + JSON + ", got " + type + "\n");
        }
        String encoding = request.getHeaders().get(HttpHeader.CONTENT_ENCODING);
        boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity")) {
            return plain(response, callback, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "Content-Encoding must be gzip or identity, got " + encoding + "\n");
        }
        if (request.getLength() > maxBytes) {
            return status(response, callback, json, HttpStatus.PAYLOAD_TOO_LARGE_413, RpcStatus.RESOURCE_EXHAUSTED,
                    "request of " + request.getLength() + " bytes exceeds the limit of " + maxBytes);
        }
        byte[] body;
        try (InputStream raw = Content.Source.asInputStream(request);
             InputStream in = gzip ? new GZIPInputStream(raw, 8192) : raw) {
            long length = request.getLength();
            if (!gzip && length >= 0) { // known size: one exact buffer instead of chunks stitched together
                body = new byte[(int) length];
                int read = in.readNBytes(body, 0, body.length);
                if (read < body.length) throw new IOException("body ended after " + read + " of " + length + " bytes");
            } else {
                body = in.readNBytes(maxBytes + 1);
            }
        } catch (ZipException e) {
            return status(response, callback, json, HttpStatus.BAD_REQUEST_400, RpcStatus.INVALID_ARGUMENT, "bad gzip body: " + e.getMessage());
        } catch (IOException e) {
            return status(response, callback, json, HttpStatus.BAD_REQUEST_400, RpcStatus.INVALID_ARGUMENT, "could not read the body: " + e.getMessage());
        }
        if (body.length > maxBytes) {
            return status(response, callback, json, HttpStatus.PAYLOAD_TOO_LARGE_413, RpcStatus.RESOURCE_EXHAUSTED,
                    (gzip ? "decompressed request" : "request") + " exceeds the limit of " + maxBytes + " bytes");
        }
        ExportMetricsServiceRequest export;
        try {
            if (json) {
                ExportMetricsServiceRequest.Builder builder = ExportMetricsServiceRequest.newBuilder();
                JSON_PARSER.merge(new String(body, StandardCharsets.UTF_8), builder);
                export = builder.build();
            } else {
                export = ExportMetricsServiceRequest.parseFrom(body);
            }
        } catch (InvalidProtocolBufferException | RuntimeException e) { // the JSON parser throws unchecked on some shapes
            return status(response, callback, json, HttpStatus.BAD_REQUEST_400, RpcStatus.INVALID_ARGUMENT,
                    "not an OTLP ExportMetricsServiceRequest in " + (json ? "JSON" : "protobuf") + ": " + e.getMessage());
        }
        OtlpMetricsIngester.Result result;
        try {
            result = ingester.ingest(export);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "ingest failed", e);
            return status(response, callback, json, HttpStatus.INTERNAL_SERVER_ERROR_500, RpcStatus.INTERNAL, "ingest failed: " + e);
        }
        ExportMetricsServiceResponse.Builder answer = ExportMetricsServiceResponse.newBuilder();
        if (result.rejected().total() > 0) {
            answer.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                    .setRejectedDataPoints(result.rejected().total())
                    .setErrorMessage(result.rejected().message()));
        }
        byte[] out;
        try {
            out = json ? JSON_PRINTER.print(answer).getBytes(StandardCharsets.UTF_8) : answer.build().toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e); // a response we built ourselves always prints
        }
        return send(response, callback, HttpStatus.OK_200, json ? JSON : PROTOBUF, out);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) return null;
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean status(Response response, Callback callback, boolean json, int http, int code, String message) {
        return send(response, callback, http, json ? JSON : PROTOBUF,
                json ? RpcStatus.json(code, message) : RpcStatus.protobuf(code, message));
    }

    private static boolean plain(Response response, Callback callback, int http, String message) {
        return send(response, callback, http, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean send(Response response, Callback callback, int http, String type, byte[] body) {
        response.setStatus(http);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
