package dev.revisit.agent.instrumentation;

import org.h2.Driver;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcPreparedStatement;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateTypesTest {
    private static final ClassLoader APPLICATION = CandidateTypesTest.class.getClassLoader();
    /** Finds no class file but the JDK's. */
    private static final ClassLoader EMPTY = new ClassLoader(null) {
    };

    private final CandidateTypes statements = new CandidateTypes(new TypeNeed(false, Set.of(), Set.of(), Set.of(Statement.class.getName())));

    @Test
    void aClassReachingANeededSuperTypeThroughItsHierarchyIsACandidate() throws IOException {
        // JdbcPreparedStatement extends JdbcStatement (read through the loader), which implements Statement.
        assertTrue(statements.mayMatch(internal(JdbcPreparedStatement.class), classFile(JdbcPreparedStatement.class), APPLICATION));
        // Asked again once its verdict is remembered, as when the super type loads after its subclass.
        assertTrue(statements.mayMatch("org/h2/jdbc/JdbcStatement", classFile(org.h2.jdbc.JdbcStatement.class), APPLICATION));
    }

    @Test
    void aClassWhoseHierarchyNeverReachesOneIsNot() throws IOException {
        assertFalse(statements.mayMatch(internal(Driver.class), classFile(Driver.class), APPLICATION));
        assertFalse(statements.mayMatch(internal(ArrayList.class), classFile(ArrayList.class), null));
        // java.* super types are read from the JDK whatever loader defines the class.
        assertFalse(statements.mayMatch(internal(DbException.class), classFile(DbException.class), EMPTY));
    }

    @Test
    void aSuperTypeWithoutAClassFileMakesTheClassACandidate() throws IOException {
        assertTrue(statements.mayMatch(internal(JdbcPreparedStatement.class), classFile(JdbcPreparedStatement.class), EMPTY));
    }

    @Test
    void namesAndPrefixesDecideWithoutTheHierarchy() throws IOException {
        CandidateTypes named = new CandidateTypes(new TypeNeed(false, Set.of(Driver.class.getName()), Set.of("org.h2.jdbc."), Set.of()));
        assertTrue(named.mayMatch(internal(Driver.class), classFile(Driver.class), EMPTY));
        assertTrue(named.mayMatch(internal(JdbcConnection.class), classFile(JdbcConnection.class), EMPTY));
        assertFalse(named.mayMatch(internal(DbException.class), classFile(DbException.class), EMPTY));
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = APPLICATION.getResourceAsStream(internal(type) + ".class")) {
            return in.readAllBytes();
        }
    }
}
