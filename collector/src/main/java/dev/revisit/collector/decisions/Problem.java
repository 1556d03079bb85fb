package dev.revisit.collector.decisions;

/** One mistake in a decisions file, printed as {@code file:line:column: message}. */
public record Problem(Position position, String message) {

    @Override
    public String toString() {
        return position + ": " + message;
    }
}
