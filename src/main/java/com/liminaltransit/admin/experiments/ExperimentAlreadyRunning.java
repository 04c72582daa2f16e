package com.liminaltransit.admin.experiments;

/**
 * Refusal to start an experiment while another runs. The database decides (its one running slot), so two writers
 * starting at once cannot both succeed; the loser gets this.
 */
public final class ExperimentAlreadyRunning extends RuntimeException {

    ExperimentAlreadyRunning(Throwable cause) {
        super("Another experiment is running: stop it first.", cause);
    }
}
