package dev.revisit.agent.instrumentation.jdbc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConnectionInfoTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "jdbc:postgresql://db.internal:5432/orders?user=app&password=hunter2 | postgresql           | orders | db.internal",
        "jdbc:postgresql://127.0.0.1/test                                   | postgresql           | test   | 127.0.0.1",
        "jdbc:postgresql://h1:5432,h2:5433/app                              | postgresql           | app    | h1",
        "jdbc:postgresql:test                                               | postgresql           | -      | -",
        "jdbc:mariadb://root:secret@127.0.0.1:3306/test                     | mariadb              | test   | 127.0.0.1",
        "jdbc:mysql://[::1]:3306/shop                                       | mysql                | shop   | ::1",
        "jdbc:sqlserver://sql.local:1433;databaseName=Sales;password=x      | microsoft.sql_server | Sales  | sql.local",
        "jdbc:oracle:thin:@//ora.local:1521/ORCLPDB                         | oracle.db            | ORCLPDB| ora.local",
        "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1                                 | h2database           | shop   | -",
        "jdbc:h2:file:/var/data/catalog                                     | h2database           | catalog| -",
        "jdbc:h2:tcp://dbhost:9092/~/sample                                 | h2database           | sample | dbhost",
        "jdbc:h2:mem:                                                       | h2database           | -      | -",
        "jdbc:hsqldb:mem:testdb                                             | hsqldb               | testdb | -",
        "jdbc:weird:something                                               | other_sql            | -      | -",
        "not-a-url                                                          | other_sql            | -      | -",
    })
    void readsSystemNamespaceAndAddressButNeverCredentials(String url, String system, String namespace, String address) {
        ConnectionInfo info = ConnectionInfo.fromUrl(url);
        assertEquals(system, info.system, url);
        assertEquals(namespace, info.namespace, url);
        assertEquals(address, info.address, url);
    }
}
