package com.liminaltransit.persistence;

import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.util.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database password from a file ({@code liminal.db.password-file}), read again for every new connection: a
 * secret mounted as a file (a Kubernetes or ECS secret volume, a sidecar that rotates it) can change under a
 * running server, and the next connection the pool opens signs in with the new password. Connections already
 * open keep working: PostgreSQL checks a password only at sign-in. A trailing line break is not part of it.
 */
final class PasswordFile implements HikariCredentialsProvider {

    private final String user;
    private final Path file;

    PasswordFile(String user, Path file) {
        this.user = user;
        this.file = file;
    }

    @Override
    public Credentials getCredentials() {
        try {
            String password = Files.readString(file, StandardCharsets.UTF_8);
            return Credentials.of(user, password.replaceFirst("\\R$", ""));
        } catch (IOException e) {
            // the pool logs it and tries again; readiness says the database is out of reach meanwhile
            throw new UncheckedIOException("cannot read liminal.db.password-file " + file, e);
        }
    }
}
