package dev.revisit.collector.reviewlog;

/** The review log's database cannot be reached or refused a statement: the write did not happen. */
public final class ReviewLogUnavailableException extends RuntimeException {

    public ReviewLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
