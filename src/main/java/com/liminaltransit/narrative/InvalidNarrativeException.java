package com.liminaltransit.narrative;

/** A provider answered, but not with a narrative the AI contract accepts. */
public class InvalidNarrativeException extends NarrativeException {

    /** Creates the exception with the validator's complaint. */
    public InvalidNarrativeException(String complaint) {
        super(complaint);
    }
}
