package dev.revisit.collector.prometheus;

/** The store could not answer a query; the message is the reason an assumption's evidence shows. */
public final class PrometheusException extends RuntimeException {

    public PrometheusException(String message) {
        super(message);
    }

    public PrometheusException(String message, Throwable cause) {
        super(message, cause);
    }
}
