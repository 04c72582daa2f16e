package com.liminaltransit.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Making a hash refuses a password bcrypt would read only part of, counting UTF-8 bytes, not characters. */
class HashPasswordTest {

    @Test
    void seventyTwoBytesAreHashedWhole() {
        assertThat(HashPassword.problem("x".repeat(72).toCharArray())).isNull();
        assertThat(HashPassword.problem("é".repeat(36).toCharArray())).isNull();
    }

    @Test
    void moreThanSeventyTwoBytesAreRefusedNamingTheLimit() {
        assertThat(HashPassword.problem("x".repeat(73).toCharArray()))
                .contains("73 bytes")
                .contains("at most 72 bytes");
        assertThat(HashPassword.problem("é".repeat(37).toCharArray()))
                .as("37 characters, 74 bytes")
                .contains("74 bytes");
    }

    @Test
    void passwordsThatBcryptCannotReadWholeNeverReachIt() {
        assertThat(Passwords.fitsBcrypt("x".repeat(72))).isTrue();
        assertThat(Passwords.fitsBcrypt("x".repeat(71) + "é")).isFalse();
    }
}
