package com.liminaltransit.throttle;

import jakarta.ws.rs.HttpMethod;
import java.util.regex.Pattern;

/** The player actions that cost AI calls, and so are limited. */
enum Action {
    /** Boarding a ride: {@code POST /stories}. */
    BOARD("board", Pattern.compile("stories/?")),
    /**
     * Answering a stop, and what writes a stop the same way: {@code POST /stories/{id}/choices}, taking another door
     * ({@code …/branches}) and asking the train again ({@code …/retries}). They share one bucket: each may cost a step.
     */
    CHOOSE("choose", Pattern.compile("stories/[^/]+/(?:choices|branches|retries)/?"));

    private final String key;
    private final Pattern path;

    Action(String key, Pattern path) {
        this.key = key;
        this.path = path;
    }

    /** The name in config keys and bucket keys. */
    String key() {
        return key;
    }

    /** The action a {@code POST} to this path (relative to the application root) is. */
    static Action of(String method, String path) {
        if (HttpMethod.POST.equals(method)) {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            for (Action action : values()) {
                if (action.path.matcher(relative).matches()) {
                    return action;
                }
            }
        }
        throw new IllegalStateException("@Throttled on " + method + " " + path + ", which is no limited action");
    }
}
