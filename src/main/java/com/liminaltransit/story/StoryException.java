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
            this("This train is not on any timetable we keep.");
        }

        /** Something of a ride that exists is not there (a stop not reached yet, a version never written). */
        NotFound(String message) {
            super(Response.Status.NOT_FOUND, message);
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

    /** Another request for the same stop is still being written after the claim's timeout: try again shortly. */
    static final class StillWriting extends StoryException {
        StillWriting() {
            super(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "The train is still writing this stop. Wait a moment and choose again: nothing is lost.");
        }
    }
}
