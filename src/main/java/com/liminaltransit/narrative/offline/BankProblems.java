package com.liminaltransit.narrative.offline;

import java.util.List;

/**
 * A content bank that cannot be used, with every problem found, each naming the part and the place in it (e.g.
 * {@code scenes-carriage.json: scenes[3] "mirror": actions[1] "listen": outcome uses unknown placeholder {foo}}).
 */
public final class BankProblems extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The problems, one sentence each. */
    private final List<String> problems;

    BankProblems(List<String> problems) {
        super("content bank: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
