package com.liminaltransit.admin.auth;

import java.time.Instant;

/**
 * A signed-in writer, as the gate hands it to admin resources.
 *
 * @param username  the writer
 * @param csrfToken the synchronizer token every admin form and htmx request must carry
 * @param createdAt when the writer signed in
 */
public record AdminSession(String username, String csrfToken, Instant createdAt) {

    @Override
    public String toString() {
        return "AdminSession[" + username + "]";
    }
}
