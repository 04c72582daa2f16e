package com.liminaltransit.narrative.vendor;

import static com.liminaltransit.narrative.Jsonp.JSON;

import com.liminaltransit.narrative.ProviderUnavailableException;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Optional;

/**
 * Vendor envelopes to and from JSON with JSON-B (Yasson): wire types are records named as in Java
 * ({@code maxTokens}) and written as every vendor here writes them ({@code max_tokens}); {@code null} components are
 * left out. A body that does not bind is refused here, once for every vendor, as the vendor being unwell.
 *
 * <p>Wire records are public: Yasson reaches accessors and canonical constructors through a public lookup only.
 */
public final class WireJson {

    /** Looked up once: the JSON-B factory scans the class path like JSON-P's. Thread-safe. */
    private static final Jsonb JSONB = JsonbBuilder.create(
            new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    private static final int MAX_REASON = 160;

    private WireJson() {}

    /** The request body for {@code envelope}. */
    public static String write(Object envelope) {
        return JSONB.toJson(envelope);
    }

    /**
     * Binds a vendor's answer.
     *
     * @throws ProviderUnavailableException when the body is not JSON or not of the shape of {@code type}
     */
    public static <T> T read(String vendor, String body, Class<T> type) {
        T bound;
        try {
            wellFormed(body);
            bound = JSONB.fromJson(body, type);
        } catch (JsonbException | JsonException e) {
            throw new ProviderUnavailableException(vendor + " answered in an unexpected shape (" + reason(e) + ")", e);
        }
        if (bound == null) {
            throw new ProviderUnavailableException(vendor + " answered with an empty body");
        }
        return bound;
    }

    /** Binds {@code body} when it has the shape of {@code type} (an error answer, say); empty otherwise. */
    static <T> Optional<T> readIfAny(String body, Class<T> type) {
        try {
            wellFormed(body);
            return Optional.ofNullable(JSONB.fromJson(body, type));
        } catch (JsonbException | JsonException e) {
            return Optional.empty();
        }
    }

    /** A part every answer of the vendor carries, or the vendor's fault. */
    public static <T> T required(String vendor, T part, String name) {
        if (part == null) {
            throw new ProviderUnavailableException(vendor + " answered without " + name);
        }
        return part;
    }

    /**
     * Reads the body through once before binding it. Yasson passes over properties it does not bind with Parsson's
     * {@code skipArray}/{@code skipObject}, which loop for ever at the end of a truncated body
     * (eclipse-ee4j/parsson#23): a vendor cut off mid-answer would spin a CPU, deaf to the step's timeout.
     */
    private static void wellFormed(String body) {
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            while (parser.hasNext()) {
                parser.next();
            }
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.lines().findFirst().orElse("");
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "…";
    }
}
