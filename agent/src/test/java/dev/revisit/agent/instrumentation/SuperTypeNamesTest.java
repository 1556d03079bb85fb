package dev.revisit.agent.instrumentation;

import org.h2.jdbc.JdbcPreparedStatement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SuperTypeNamesTest {
    private final SuperTypeNames names = new SuperTypeNames();

    @Test
    void readsTheSuperClassThenTheInterfacesAsDeclared() throws IOException {
        assertArrayEquals(expected(JdbcPreparedStatement.class), names.of(JdbcPreparedStatement.class.getName(), getClass().getClassLoader()));
    }

    @Test
    void readsBootClassesWithoutALoaderAndClassFilesLargerThanTheBuffer() throws IOException {
        // ConcurrentHashMap's class file (≈ 40 KB) is larger than the largest buffer kept; read after a small one, the stale tail must not matter.
        assertArrayEquals(expected(Object.class), names.of(Object.class.getName(), null));
        assertArrayEquals(expected(ConcurrentHashMap.class), names.of(ConcurrentHashMap.class.getName(), null));
        assertArrayEquals(expected(Serializable.class), names.of(Serializable.class.getName(), null));
        assertArrayEquals(expected(java.sql.Statement.class), names.of(java.sql.Statement.class.getName(), null));
    }

    @Test
    void aTypeWithoutAClassFileIsAnError() {
        assertThrows(IOException.class, () -> names.of("no.such.Type", getClass().getClassLoader()));
    }

    private static String[] expected(Class<?> type) {
        String[] expected = new String[1 + type.getInterfaces().length];
        // A class file names java.lang.Object as every interface's super class.
        String superName = type.isInterface() ? "java.lang.Object" : type.getSuperclass() == null ? null : type.getSuperclass().getName();
        Arrays.setAll(expected, i -> i == 0 ? superName : type.getInterfaces()[i - 1].getName());
        return expected;
    }
}
