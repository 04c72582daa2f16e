package com.liminaltransit.story;

import com.liminaltransit.web.PageException;
import jakarta.ws.rs.core.Response;

/** Why a ride request cannot be served, in words a player can read (shown by the error pages). */
abstract sealed class StoryException extends PageException {

    StoryException(Response.Status status, String message, String messageKey, Object... messageArgs) {
        super(status, message, messageKey, null, messageArgs);
    }

    /** No ride has this id. */
    static final class NotFound extends StoryException {
        NotFound() {
            this("This train is not on any timetable we keep.", "ride.not-found");
        }

        /**
         * Something of a ride that exists is not there (a stop not reached yet, a version never written); a player's
         * words, said in their language by {@code messageKey}.
         */
        NotFound(String message, String messageKey, Object... messageArgs) {
            super(Response.Status.NOT_FOUND, message, messageKey, messageArgs);
        }
    }

    /** The ride belongs to another player. */
    static final class NotOwner extends StoryException {
        NotOwner() {
            super(
                    Response.Status.FORBIDDEN,
                    "You may watch this ride, but only its passenger can choose.",
                    "ride.not-owner");
        }
    }

    /** The request does not fit the ride. */
    static final class BadRequest extends StoryException {
        /** Writers' words only (the preview): no bundle key. */
        BadRequest(String message) {
            super(Response.Status.BAD_REQUEST, message, null);
        }

        /** A player's: {@code messageKey} says it in their language. */
        BadRequest(String message, String messageKey, Object... messageArgs) {
            super(Response.Status.BAD_REQUEST, message, messageKey, messageArgs);
        }
    }

    /** Another request for the same stop is still being written after the claim's timeout: try again shortly. */
    static final class StillWriting extends StoryException {
        StillWriting() {
            super(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "The train is still writing this stop. Wait a moment and choose again: nothing is lost.",
                    "ride.still-writing");
        }
    }
}
