/**
 * JDBC, the {@code storage} area: {@code db.client.operation.duration} for every driver, with
 * operation and table from a sanitising SQL summariser ({@link dev.revisit.agent.instrumentation.jdbc.SqlSummarizer})
 * and the database from the connection URL. Pool proxies are counted once (outermost call per thread).
 */
package dev.revisit.agent.instrumentation.jdbc;
