package dev.revisit.agent.instrumentation.jdbc;

/**
 * Per-thread JDBC state: call depths, so that a pool's proxy statement delegating to the
 * driver's statement is measured once (the outermost call), and the last prepared
 * statement with its SQL summary, so the usual prepare-execute-close needs no map.
 */
final class JdbcThreadState {
    int prepareDepth;
    int executeDepth;
    boolean batch;
    String executeSql;
    Object preparedStatement;
    SqlSummary preparedSummary;
}
