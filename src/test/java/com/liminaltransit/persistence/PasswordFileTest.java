package com.liminaltransit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void theFileIsReadAgainForEveryNewConnection() throws IOException {
        // given a mounted secret
        Path secret = Files.writeString(dir.resolve("db-password"), "first\n");
        PasswordFile credentials = new PasswordFile("liminal_app", secret);
        String before = credentials.getCredentials().getPassword();

        // when it is rotated under the running server
        Files.writeString(secret, "second");

        // then the next connection signs in with the new one (the line break was never part of it)
        assertThat(before).isEqualTo("first");
        assertThat(credentials.getCredentials().getPassword()).isEqualTo("second");
        assertThat(credentials.getCredentials().getUsername()).isEqualTo("liminal_app");
    }

    @Test
    void aMissingFileFailsThatConnectionOnly() {
        PasswordFile credentials = new PasswordFile("liminal_app", dir.resolve("gone"));

        assertThatThrownBy(credentials::getCredentials)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("liminal.db.password-file");
    }
}
