package com.liminaltransit.narrative.sagemaker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The lines of a container's streamed answer, from the bytes of its payload parts. A part may end anywhere: in the
 * middle of a line, even inside a UTF-8 character, so bytes are held until their line break arrives and each line is
 * decoded whole (a line break byte never occurs inside a multi-byte character). A trailing {@code \r} is dropped.
 */
final class PayloadLines {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Adds one part's bytes and hands on every line they complete, in order. */
    void feed(byte[] bytes, Consumer<String> line) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, start, i - start);
                line.accept(take());
                start = i + 1;
            }
        }
        pending.write(bytes, start, bytes.length - start);
    }

    /** At the end of the stream: hands on the last line if it had no line break. */
    void finish(Consumer<String> line) {
        if (pending.size() > 0) {
            line.accept(take());
        }
    }

    private String take() {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
