package com.liminaltransit.testing;

import io.helidon.microprofile.server.ServerCdiExtension;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;

/**
 * The in-process server's management socket (metrics, health with details, OpenAPI), which is not the players'
 * port: tests that read metrics or health details ask it here.
 */
public final class Management {

    /** The socket's name in {@code server.sockets}. */
    public static final String SOCKET = "admin";

    private Management() {}

    /** A client of the management socket of the server running in this JVM ({@code @HelidonTest}). */
    public static PlayerClient client() {
        int port = CDI.current().select(ServerCdiExtension.class).get().port(SOCKET);
        return new PlayerClient(URI.create("http://localhost:" + port));
    }
}
