/** Connection-pool wait, the other half of the {@code storage} area: {@code db.client.connection.wait_time} for any {@code DataSource}. */
package dev.revisit.agent.instrumentation.datasource;
