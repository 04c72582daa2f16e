package com.liminaltransit.i18n;

/**
 * Amazon Translate gave no usable translation: throttled, down, too slow, an answer that could not be read, or a
 * translation that cannot be shown. The text then stays in the language it was written in; the player sees no error.
 */
class TranslationUnavailable extends RuntimeException {

    TranslationUnavailable(String reason) {
        super(reason, null, false, false);
    }

    TranslationUnavailable(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
