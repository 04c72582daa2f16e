package com.liminaltransit.admin.experiments;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An experiment as the writers' pages show it: dates in UTC, the winner by name, each variant's chain as typed.
 * Formatting lives here so the stored {@link Experiment} stays plain data.
 *
 * @param experiment the experiment shown
 */
public record ExperimentView(Experiment experiment) {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * A variant as the pages show it.
     *
     * @param variant the variant shown
     */
    public record VariantView(Variant variant) {

        /** Its id. */
        public long id() {
            return variant.id();
        }

        /** Its name. */
        public String name() {
            return variant.name();
        }

        /** Its prompt version. */
        public int promptVersion() {
            return variant.promptVersion();
        }

        /** The content bank version its rides are written from, as the page says it. */
        public String bankText() {
            return variant.bankVersion() == null ? "published" : Integer.toString(variant.bankVersion());
        }

        /** Its weight. */
        public int weight() {
            return variant.weight();
        }

        /** The chain as its rides run it: the variant's providers then offline, or the configured chain. */
        public String chainText() {
            return variant.chain().isEmpty() ? "(liminal.ai.chain)" : String.join(",", variant.chain()) + ",offline";
        }
    }

    /** Views of these experiments, in the same order. */
    static List<ExperimentView> of(List<Experiment> experiments) {
        return experiments.stream().map(ExperimentView::new).toList();
    }

    /** Its id. */
    public long id() {
        return experiment.id();
    }

    /** What the writer called it. */
    public String name() {
        return experiment.name();
    }

    /** Who started it. */
    public String createdBy() {
        return experiment.createdBy();
    }

    /** Whether new rides are assigned to it. */
    public boolean running() {
        return experiment.running();
    }

    /** Its state in a word, for the list. */
    public String stateText() {
        return switch (experiment.status()) {
            case RUNNING -> "running";
            case STOPPED -> "stopped";
        };
    }

    /** When it started. */
    public String createdAtText() {
        return format(experiment.createdAt());
    }

    /** When it stopped, or empty. */
    public String stoppedAtText() {
        return format(experiment.stoppedAt());
    }

    /** Whether a winner was published. */
    public boolean hasWinner() {
        return experiment.winner().isPresent();
    }

    /** The winner's name, or empty. */
    public String winnerName() {
        return experiment.winner().map(Variant::name).orElse("");
    }

    /** Its variants in order. */
    public List<VariantView> variants() {
        return experiment.variants().stream().map(VariantView::new).toList();
    }

    private static String format(Instant instant) {
        return instant == null ? "" : CLOCK.format(instant);
    }
}
