package com.liminaltransit.narrative;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json}'s static factories look the provider up
 * through {@link java.util.ServiceLoader} on every call, which scans the class path's jars: under 200 players that
 * lookup was the largest single cost of a vendor step. Build JSON with {@code JSON.createObjectBuilder()} and
 * friends instead.
 */
public final class Jsonp {

    /** Looked up once. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {}
}
