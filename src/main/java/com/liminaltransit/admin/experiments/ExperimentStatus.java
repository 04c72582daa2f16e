package com.liminaltransit.admin.experiments;

import java.util.Arrays;

/** Where an experiment stands; stored in {@code experiment.status} as its lower-case column value. */
public enum ExperimentStatus {
    /** New player rides are assigned to its variants (at most one experiment at a time). */
    RUNNING("running"),
    /** Over; its rides keep their variant, new rides get none. */
    STOPPED("stopped");

    private final String column;

    ExperimentStatus(String column) {
        this.column = column;
    }

    /** The value stored in {@code experiment.status}. */
    public String column() {
        return column;
    }

    /** The status a stored value names; anything else is a broken row, not a status. */
    static ExperimentStatus ofColumn(String value) {
        return Arrays.stream(values())
                .filter(s -> s.column.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown experiment status '" + value + "'"));
    }
}
