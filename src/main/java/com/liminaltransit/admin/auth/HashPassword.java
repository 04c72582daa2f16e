package com.liminaltransit.admin.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Makes the bcrypt hash of a writer's password for {@code liminal.admin.<user>.password-hash}:
 * {@code java -cp 'target/liminal-transit.jar:target/libs/*' com.liminaltransit.admin.auth.HashPassword}.
 * The password is read without echo (or from standard input when piped) and never printed. bcrypt reads only the
 * first 72 bytes of a password, so a longer one (in UTF-8) is refused rather than hashed as its first 72 bytes:
 * the sign-in refuses such a password too.
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
        String problem = problem(password);
        if (problem != null) {
            Arrays.fill(password, '\0');
            System.err.println(problem);
            System.exit(2);
        }
        System.out.println(BCrypt.withDefaults().hashToString(COST, password));
        Arrays.fill(password, '\0');
    }

    /** Why this password cannot be hashed whole, or {@code null} when it can. */
    static String problem(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        int length = bytes.remaining();
        if (bytes.hasArray()) {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        if (length > Passwords.MAX_BYTES) {
            return "This password is " + length + " bytes in UTF-8; bcrypt reads only the first " + Passwords.MAX_BYTES
                    + ", so use one of at most " + Passwords.MAX_BYTES + " bytes.";
        }
        return null;
    }
}
