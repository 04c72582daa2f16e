package com.liminaltransit.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The application's one connection pool. It migrates the schema when the application starts, so a fresh
 * database (the default H2 file under {@code ./data}) is ready before the first request.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final HikariDataSource pool;

    /** Opens the pool from {@code liminal.db.*}. */
    @Inject
    public Database(
            @ConfigProperty(name = "liminal.db.url") String url,
            @ConfigProperty(name = "liminal.db.user") Optional<String> user,
            @ConfigProperty(name = "liminal.db.password") Optional<String> password,
            @ConfigProperty(name = "liminal.db.pool-size", defaultValue = "16") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("liminal");
        config.setJdbcUrl(url);
        // MicroProfile Config reads an empty value as absent: H2's default user has an empty password.
        config.setUsername(user.orElse(""));
        config.setPassword(password.orElse(""));
        config.setMaximumPoolSize(poolSize);
        // A step must fail fast rather than hang when the database is away; readiness reports it.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    /** Migrates on start-up: the server is not ready until its schema is. */
    public void migrateOnStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        var result = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
    }

    /** The pooled data source. */
    public DataSource dataSource() {
        return pool;
    }

    @PreDestroy
    public void close() {
        pool.close();
    }
}
