package com.liminaltransit.transcript;

import java.util.Optional;

/** The formats a transcript comes in: the extension in its address, its media type, and how a browser takes it. */
enum TranscriptFormat {
    MARKDOWN("md", "text/markdown; charset=UTF-8; variant=CommonMark", true),
    TEXT("txt", "text/plain; charset=UTF-8", true),
    /** A page to read and print first: shown in the browser, saved under its name. */
    HTML("html", "text/html; charset=UTF-8", false),
    EPUB("epub", "application/epub+zip", true);

    private final String extension;
    private final String mediaType;
    private final boolean attachment;

    TranscriptFormat(String extension, String mediaType, boolean attachment) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.attachment = attachment;
    }

    /** The format with this extension ({@code md}, {@code txt}, {@code html}, {@code epub}). */
    static Optional<TranscriptFormat> byExtension(String extension) {
        for (TranscriptFormat format : values()) {
            if (format.extension.equals(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    /** Whether the browser should save it rather than show it. */
    boolean attachment() {
        return attachment;
    }
}
