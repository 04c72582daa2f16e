package com.liminaltransit.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The application's one connection pool. It migrates the schema when the application starts, so a fresh
 * database (the default H2 file under {@code ./data}) is ready before the first request. The migrations run as the
 * application's own user, which owns the schema and nothing else (in AWS: {@code liminal_app}, made by
 * {@code terraform/scripts/db-app-user.sh}; never the master user).
 *
 * <p>How it signs in ({@code liminal.db.auth}): {@code password}, the default, with {@code liminal.db.password},
 * or with {@code liminal.db.password-file} read again for every new connection, so a password rotated under a
 * running server is picked up by the next connection; {@code iam}, with a fresh RDS IAM token for every new
 * connection ({@link IamAuthTokens}).
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
            @ConfigProperty(name = "liminal.db.password-file") Optional<String> passwordFile,
            @ConfigProperty(name = "liminal.db.auth", defaultValue = "password") String auth,
            @ConfigProperty(name = "liminal.db.iam.region") Optional<String> iamRegion,
            @ConfigProperty(name = "liminal.db.pool-size", defaultValue = "16") int poolSize,
            @ConfigProperty(name = "liminal.db.pool-min-idle", defaultValue = "0") int minIdle,
            @ConfigProperty(name = "liminal.db.idle-timeout", defaultValue = "5m") Duration idleTimeout,
            @ConfigProperty(name = "liminal.db.max-lifetime", defaultValue = "10m") Duration maxLifetime) {
        HikariConfig config = config(url, new PoolSettings(poolSize, minIdle, idleTimeout, maxLifetime));
        // MicroProfile Config reads an empty value as absent: H2's default user has an empty password.
        String userName = user.orElse("");
        Optional<String> file = passwordFile.filter(f -> !f.isBlank());
        switch (auth.strip().toLowerCase(Locale.ROOT)) {
            case "password" -> {
                if (file.isPresent() && password.isPresent()) {
                    throw new IllegalStateException(
                            "Set liminal.db.password or liminal.db.password-file, not both: which one is the password?");
                }
                if (file.isPresent()) {
                    Path path = Path.of(file.get());
                    if (!Files.isReadable(path)) {
                        throw new IllegalStateException("liminal.db.password-file " + path + " cannot be read");
                    }
                    config.setCredentialsProvider(new PasswordFile(userName, path));
                } else {
                    config.setUsername(userName);
                    config.setPassword(password.orElse(""));
                }
            }
            case "iam" -> {
                if (password.isPresent() || file.isPresent()) {
                    throw new IllegalStateException(
                            "liminal.db.auth=iam signs in with IAM tokens: remove liminal.db.password(-file)");
                }
                if (userName.isEmpty()) {
                    throw new IllegalStateException("liminal.db.auth=iam needs liminal.db.user (the database user)");
                }
                try {
                    config.setCredentialsProvider(new IamAuthTokens(
                            url,
                            userName,
                            region(iamRegion),
                            DefaultCredentialsProvider.builder().build()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            default -> throw new IllegalStateException("liminal.db.auth must be password or iam, not '" + auth + "'");
        }
        this.pool = new HikariDataSource(config);
    }

    /** A pool signing in with a fixed user and password, the other settings as by default (tests, tools). */
    public Database(String url, Optional<String> user, Optional<String> password, int poolSize) {
        HikariConfig config = config(url, PoolSettings.ofSize(poolSize));
        config.setUsername(user.orElse(""));
        config.setPassword(password.orElse(""));
        this.pool = new HikariDataSource(config);
    }

    private static HikariConfig config(String url, PoolSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("liminal");
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(settings.size());
        config.setMinimumIdle(settings.minIdle());
        config.setIdleTimeout(settings.idleTimeout().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        // A step must fail fast rather than hang when the database is away; readiness reports it.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        return config;
    }

    /** {@code liminal.db.iam.region}, else the AWS SDK's default chain ({@code AWS_REGION}, profile, metadata). */
    private static Region region(Optional<String> configured) {
        if (configured.filter(r -> !r.isBlank()).isPresent()) {
            return Region.of(configured.get().strip());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException none) {
            throw new IllegalStateException(
                    "liminal.db.auth=iam needs liminal.db.iam.region (or AWS_REGION): the tokens are signed for it",
                    none);
        }
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
