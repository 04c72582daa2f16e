package com.liminaltransit.admin.ridebot;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A randomtest run as the page shows it.
 *
 * @param id              the run
 * @param rides           rides to play
 * @param seed            its seed
 * @param startedBy       the writer who started it
 * @param startedAt       when
 * @param done            rides played so far
 * @param report          the report once finished, else {@code null}
 * @param failure         why it stopped, if it failed, else {@code null}
 * @param cancelRequested whether a writer asked it to stop (it stops before its next ride)
 * @param elsewhere       where a run on another server stands, read from the database; {@code null} for a run of
 *                        this server (whose progress and report are in memory)
 * @param policy          how the bot chooses, or {@code null} when the run plays on another server
 */
public record RunView(
        String id,
        int rides,
        long seed,
        String startedBy,
        Instant startedAt,
        int done,
        RideBotReport report,
        String failure,
        boolean cancelRequested,
        RunState elsewhere,
        ChoicePolicy policy) {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Where it stands. */
    public RunState state() {
        if (elsewhere != null) {
            return elsewhere;
        }
        if (failure != null) {
            return RunState.FAILED;
        }
        if (report == null) {
            return RunState.RUNNING;
        }
        if (report.cancelled()) {
            return RunState.CANCELLED;
        }
        return report.clean() ? RunState.CLEAN : RunState.PROBLEMS;
    }

    /** Whether it is still going (or waiting its turn). */
    public boolean running() {
        return state() == RunState.RUNNING;
    }

    /** Whether this server plays it (so its progress and report can be shown). */
    public boolean here() {
        return elsewhere == null;
    }

    /** Progress in percent. */
    public int percent() {
        return rides == 0 ? 100 : (int) (100L * done / rides);
    }

    /** When it started, as a time of day in UTC. */
    public String startedAtText() {
        return CLOCK.format(startedAt);
    }
}
