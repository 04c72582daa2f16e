package com.liminaltransit.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The few JDBC helpers every repository shares: a transaction around a unit of work, and a way to tell a
 * unique-key violation (a step written twice) from any other failure.
 */
public final class Jdbc {

    private Jdbc() {}

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs with a connection whose transaction the caller commits or rolls back. */
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is written, or none of it. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw isUniqueViolation(e) ? new DuplicateKeyException(e) : new DataAccessException(e);
        }
    }

    /** Runs read-only {@code work} on a pooled connection. */
    public static <T> T read(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** SQLState 23505 is a unique violation in both PostgreSQL and H2. */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("23505".equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The database failed; callers show a friendly error and keep nothing half-written. */
    public static class DataAccessException extends RuntimeException {
        DataAccessException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A row with the same key already exists: someone else wrote this step first. */
    public static final class DuplicateKeyException extends DataAccessException {
        DuplicateKeyException(SQLException cause) {
            super(cause);
        }
    }
}
