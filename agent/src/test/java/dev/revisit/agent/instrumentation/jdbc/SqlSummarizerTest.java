package dev.revisit.agent.instrumentation.jdbc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SqlSummarizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "SELECT name FROM items WHERE id = ?                          | SELECT   | items",
        "select * from shop.items i join orders o on o.item = i.id    | SELECT   | shop.items",
        "  /* hint */ SELECT a FROM \"Users\" WHERE x = 'FROM secret'  | SELECT   | Users",
        "-- comment\\nSELECT 1                                          | SELECT   | -",
        "SELECT (SELECT max(id) FROM b) FROM a                         | SELECT   | a",
        "SELECT * FROM (SELECT id FROM inner_t) sub                    | SELECT   | -",
        "INSERT INTO items (id, name) VALUES (1, 'secret')             | INSERT   | items",
        "insert ignore into `log` values (1)                           | INSERT   | log",
        "UPDATE items SET name = 'x' WHERE id = 3                      | UPDATE   | items",
        "DELETE FROM items WHERE name = 'secret'                       | DELETE   | items",
        "MERGE INTO items USING src ON (1=1)                           | MERGE    | items",
        "WITH recent AS (SELECT * FROM orders) SELECT * FROM recent    | SELECT   | recent",
        "CREATE TABLE IF NOT EXISTS items (id INT)                     | CREATE   | items",
        "DROP TABLE items                                              | DROP     | items",
        "create index idx_items on items(name)                         | CREATE   | idx_items",
        "TRUNCATE TABLE items                                          | TRUNCATE | items",
        "CALL refresh_stats(42)                                        | CALL     | -",
        "{call refresh_stats(?)}                                       | -        | -",
        "'just a string'                                               | -        | -",
        "42                                                            | -        | -",
        "                                                              | -        | -",
        "FROBNICATE items                                              | -        | -",
        "SELECT $$FROM secret$$ FROM t                                 | SELECT   | t",
        "SELECT * FROM [dbo].[items]                                   | SELECT   | dbo",
    })
    void summarisesOperationAndTable(String sql, String operation, String table) {
        SqlSummary summary = SqlSummarizer.parse(sql == null ? "" : sql.replace("\\n", "\n"));
        assertEquals(operation, summary.operation, sql);
        assertEquals(table, summary.collection, sql);
    }

    @Test
    void neverReturnsALiteralEvenFromHostileText() {
        String[] hostile = {
            "SELECT * FROM 'secret'", "INSERT INTO 'secret' VALUES (1)", "UPDATE 'secret' SET a = 1",
            "DELETE FROM 12345", "SELECT * FROM t WHERE a = 'unterminated secret", "SELECT 'secret' FROM",
            "UPDATE /* secret */", "select * from -- secret\n", "SELECT * FROM $tag$secret$tag$",
        };
        for (String sql : hostile) {
            SqlSummary summary = SqlSummarizer.parse(sql);
            assertFalse(String.valueOf(summary.collection).contains("secret"), sql + " → " + summary);
            assertFalse(String.valueOf(summary.collection).contains("12345"), sql + " → " + summary);
            assertFalse(String.valueOf(summary.operation).contains("secret"), sql + " → " + summary);
        }
    }

    @Test
    void summariesAreCachedPerTextAndTheCacheIsBounded() {
        SqlSummarizer summarizer = new SqlSummarizer(2);
        String sql = "SELECT a FROM t";
        assertSame(summarizer.summarize(sql), summarizer.summarize(new String(sql)));
        summarizer.summarize("SELECT b FROM t");
        SqlSummary third = summarizer.summarize("SELECT c FROM u");
        assertEquals("u", third.collection);
        // past the bound, texts are still summarised, just not remembered
        assertEquals("u", summarizer.summarize("SELECT c FROM u").collection);
    }

    @Test
    void batchesArePrefixedAndKeepTheirTable() {
        SqlSummary insert = SqlSummarizer.parse("INSERT INTO items VALUES (?)");
        assertEquals("BATCH INSERT", insert.batch().operation);
        assertEquals("items", insert.batch().collection);
        assertSame(insert.batch(), insert.batch());
        assertEquals("BATCH", SqlSummary.UNKNOWN.batch().operation);
        assertNull(SqlSummary.UNKNOWN.batch().collection);
    }
}
