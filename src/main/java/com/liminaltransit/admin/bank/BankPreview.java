package com.liminaltransit.admin.bank;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.ContentPlan;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.PastStop;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.offline.OfflineProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * A ride written by the offline storyteller from one content bank version, on any seed, along a path of choices,
 * without storing anything: what a writer reads before publishing a version. Each stop is asked for with the
 * context the story service builds, so the preview reads as a player's ride would.
 */
@ApplicationScoped
class BankPreview {

    /** The longest path previewed: a ride always ends before it. */
    static final int MAX_STOPS = 16;

    private final OfflineProvider offline;

    @Inject
    BankPreview(OfflineProvider offline) {
        this.offline = offline;
    }

    /**
     * One stop of the preview.
     *
     * @param stop    its index
     * @param passage what the player reads
     * @param choices what it offers (none at an ending)
     * @param chosen  the id taken along the path, or {@code null} at the last stop shown
     * @param ending  whether the ride ends here
     */
    record Stop(int stop, String passage, List<ChoiceOption> choices, String chosen, boolean ending) {
        Stop {
            choices = List.copyOf(choices);
        }

        /** The passage's paragraphs, for the page. */
        public List<String> paragraphs() {
            return List.of(passage.split("\n\n"));
        }
    }

    /**
     * The ride with this seed, written from bank {@code version}, along {@code path} (ids it offered), and further,
     * taking the first choice each time, when {@code toTheEnd}.
     */
    List<Stop> ride(int version, long seed, List<String> path, boolean toTheEnd) {
        ContentPlan content = new ContentPlan(version, List.of());
        List<Stop> stops = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        List<PastStop> recent = new ArrayList<>();
        String summary = "";
        ChoiceOption chosen = null;
        for (int stop = 0; stop < MAX_STOPS; stop++) {
            StoryContext context = new StoryContext(
                            "bank-preview-" + seed,
                            seed,
                            stop,
                            summary,
                            recent.subList(Math.max(0, recent.size() - StoryContext.RECENT_STOPS), recent.size()),
                            chosen,
                            taken,
                            "en")
                    .withContent(content);
            Narrative narrative = offline.generate(context).narrative();
            String next = null;
            if (!narrative.ending()) {
                if (stop < path.size()) {
                    String wanted = path.get(stop);
                    next = narrative.choices().stream()
                            .map(ChoiceOption::id)
                            .filter(wanted::equals)
                            .findFirst()
                            .orElse(null);
                } else if (toTheEnd) {
                    next = narrative.choices().getFirst().id();
                }
            }
            stops.add(new Stop(stop, narrative.passage(), narrative.choices(), next, narrative.ending()));
            if (next == null) {
                break;
            }
            String id = next;
            chosen = narrative.choices().stream()
                    .filter(c -> c.id().equals(id))
                    .findFirst()
                    .orElseThrow();
            recent.add(new PastStop(stop, narrative.passage(), chosen.label()));
            taken.add(id);
            summary = narrative.summary();
        }
        return stops;
    }
}
