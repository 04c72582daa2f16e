package com.liminaltransit.i18n;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Translations kept in the database ({@code translation}), keyed by the SHA-256 of the source language and text and
 * by the target language, so each text is translated once whichever server or ride meets it again.
 */
@ApplicationScoped
class TranslationStore {

    /** The longest translation the column holds. */
    static final int MAX_TRANSLATED = 4000;

    private final DataSource dataSource;

    @Inject
    TranslationStore(Database database) {
        this.dataSource = database.dataSource();
    }

    /** The key of {@code text} written in {@code from}. */
    static String key(String from, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(from.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** The kept translation of the text with this key into {@code language}, if any. */
    Optional<String> find(String key, String language) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select translated from translation where source_hash = ? and language = ?")) {
                query.setString(1, key);
                query.setString(2, language);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Keeps a translation; when another server kept the same one first, theirs stands. */
    void keep(String key, String language, String translated, String terminology, Instant now) {
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into translation (source_hash, language, translated, terminology, created_at)
                        values (?, ?, ?, ?, ?)""")) {
                    insert.setString(1, key);
                    insert.setString(2, language);
                    insert.setString(3, translated);
                    insert.setString(4, terminology);
                    insert.setObject(5, now.atOffset(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (Jdbc.DuplicateKeyException keptAlready) {
            // a twin request translated the same text at the same moment: the first one kept stands
        }
    }
}
