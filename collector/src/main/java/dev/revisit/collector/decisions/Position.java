package dev.revisit.collector.decisions;

/** Where something is in a decisions file: 1-based line and column. */
public record Position(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
