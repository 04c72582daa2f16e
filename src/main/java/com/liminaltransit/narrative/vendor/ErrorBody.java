package com.liminaltransit.narrative.vendor;

/**
 * A vendor's JSON error answer, as OpenAI, Anthropic and the servers that copy them write it:
 * {@code {"error": {"type": …, "code": …, "message": …}}}, or flat {@code {"type": …, "message": …}}.
 *
 * @param error   the nested details, if any
 * @param type    a flat error type
 * @param message a flat error message
 */
public record ErrorBody(Detail error, String type, String message) {

    /**
     * Nested details.
     *
     * @param type    e.g. {@code rate_limit_error}
     * @param code    e.g. {@code insufficient_quota}
     * @param message the vendor's words
     */
    public record Detail(String type, String code, String message) {}

    /** The vendor's error type and message for a log line or an exception, or {@code null} when the body says none. */
    static String detail(String body) {
        return WireJson.readIfAny(body, ErrorBody.class)
                .map(ErrorBody::summary)
                .filter(text -> !text.isBlank())
                .orElse(null);
    }

    private String summary() {
        if (error == null) {
            return message != null ? message : text(type);
        }
        return String.join(" ", text(error.type()), text(error.code()), text(error.message()))
                .strip();
    }

    private static String text(String part) {
        return part == null ? "" : part;
    }
}
