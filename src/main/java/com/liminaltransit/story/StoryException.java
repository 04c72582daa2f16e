package com.liminaltransit.story;

import com.liminaltransit.web.PageException;
import jakarta.ws.rs.core.Response;

/** Why a ride request cannot be served, in words a player can read (shown by the error pages). */
abstract sealed class StoryException extends PageException {

    StoryException(Response.Status status, String message) {
        super(status, message);
    }

    /** No ride has this id. */
    static final class NotFound extends StoryException {
        NotFound() {
            super(Response.Status.NOT_FOUND, "This train is not on any timetable we keep.");
        }
    }

    /** The ride belongs to another player. */
    static final class NotOwner extends StoryException {
        NotOwner() {
            super(Response.Status.FORBIDDEN, "You may watch this ride, but only its passenger can choose.");
        }
    }

    /** The request does not fit the ride. */
    static final class BadRequest extends StoryException {
        BadRequest(String message) {
            super(Response.Status.BAD_REQUEST, message);
        }
    }
}
