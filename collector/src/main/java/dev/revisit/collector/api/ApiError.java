package dev.revisit.collector.api;

/** A request the API refuses: its HTTP status and a message for the caller. */
public final class ApiError extends RuntimeException {

    private final int status;

    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
