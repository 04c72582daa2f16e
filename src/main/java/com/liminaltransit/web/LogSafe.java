package com.liminaltransit.web;

/**
 * Makes text that a request may have shaped fit for one log line: control characters (CR and LF among them) are
 * written as escapes, so a visitor cannot forge log lines, and long text is cut, so a visitor cannot fill the log.
 * Exception messages count as such text: a parser quotes its input in its message.
 */
public final class LogSafe {

    private static final int LIMIT = 300;

    private LogSafe() {}

    /** {@code text} with control characters escaped ({@code \n}, {@code \r}, {@code \t}, {@code \}{@code uXXXX}), cut. */
    public static String text(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), LIMIT) + 16);
        for (int i = 0; i < text.length() && out.length() < LIMIT; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)
                            || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (out.length() >= LIMIT && text.length() > LIMIT) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * A copy of {@code failure} to log: the same class names and stack traces, every message in the cause chain made
     * safe with {@link #text(String)}.
     */
    public static Throwable throwable(Throwable failure) {
        return copy(failure, 0);
    }

    private static Throwable copy(Throwable failure, int depth) {
        if (failure == null || depth > 8) {
            return null;
        }
        Throwable copy = new Logged(
                failure.getClass().getName(),
                failure.getMessage() == null ? null : text(failure.getMessage()),
                copy(failure.getCause() == failure ? null : failure.getCause(), depth + 1));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** A failure as logged: prints as the original class and the made-safe message. */
    private static final class Logged extends RuntimeException {

        private final String type;

        Logged(String type, String message, Throwable cause) {
            super(message, cause, false, true);
            this.type = type;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }
}
