package com.liminaltransit.admin.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Makes the bcrypt hash of a writer's password for {@code liminal.admin.<user>.password-hash}:
 * {@code java -cp 'target/liminal-transit.jar:target/libs/*' com.liminaltransit.admin.auth.HashPassword}.
 * The password is read without echo (or from standard input when piped) and never printed.
 */
public final class HashPassword {

    private static final int COST = 12;

    private HashPassword() {}

    /** Prints the {@code $2a$} hash of the password typed or piped in. */
    public static void main(String[] args) throws IOException {
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("Writer's password: ");
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password == null || password.length < 12) {
            System.err.println("Use a password of at least 12 characters.");
            System.exit(2);
        }
        System.out.println(BCrypt.withDefaults().hashToString(COST, password));
        Arrays.fill(password, '\0');
    }
}
