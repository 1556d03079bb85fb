package dev.revisit.agent.instrumentation.jdbc;

/**
 * What may leave the process about one SQL text: its operation and its main table, both
 * taken from keywords and identifiers only — never a literal. Null when unknown.
 * Compared by identity: summaries are cached per SQL text.
 */
final class SqlSummary {
    static final SqlSummary UNKNOWN = new SqlSummary(null, null);

    final String operation;
    final String collection;
    private volatile SqlSummary batch;

    SqlSummary(String operation, String collection) {
        this.operation = operation;
        this.collection = collection;
    }

    /** The same statement run as a batch: operation {@code BATCH <op>}, as the semantic conventions name it. */
    SqlSummary batch() {
        SqlSummary result = batch;
        if (result == null) {
            result = new SqlSummary(operation == null ? "BATCH" : "BATCH " + operation, collection);
            batch = result;
        }
        return result;
    }

    @Override
    public String toString() {
        return operation + " " + collection;
    }
}
