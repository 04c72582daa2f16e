package com.liminaltransit.safety;

/** A classifier could not judge the text: down, throttled, too slow, refused the call or answered nonsense. */
class ClassifierUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Layer layer;

    ClassifierUnavailableException(Layer layer, String reason, Throwable cause) {
        super(reason, cause);
        this.layer = layer;
    }

    ClassifierUnavailableException(Layer layer, String reason) {
        this(layer, reason, null);
    }

    /** The classifier's layer. */
    Layer layer() {
        return layer;
    }
}
