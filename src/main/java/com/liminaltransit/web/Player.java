package com.liminaltransit.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The browser that holds a player cookie. The cookie is a bearer secret, so the database keeps only its hash:
 * a leaked table lets no one choose for someone else.
 *
 * @param id the random player id from the cookie
 */
public record Player(String id) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    /** A new player with 128 random bits. */
    public static Player newPlayer() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new Player(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether a cookie value could be one we issued (anything else is replaced, never stored). */
    public static boolean wellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }

    /** SHA-256 of the id, hex: what rides store as their owner. */
    public String ownerHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether this player owns something stored with {@code ownerHash}, compared in constant time. */
    public boolean owns(String ownerHash) {
        return MessageDigest.isEqual(
                ownerHash().getBytes(StandardCharsets.US_ASCII), ownerHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "Player[hidden]";
    }
}
