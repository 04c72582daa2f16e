package com.liminaltransit.admin.experiments;

import com.liminaltransit.admin.bank.BankStore;
import com.liminaltransit.admin.prompts.PromptStore;
import com.liminaltransit.narrative.PromptSet;
import com.liminaltransit.story.RidePlan;
import com.liminaltransit.story.RidePlans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The writers' experiments as the story sees them ({@link RidePlans}): while an experiment runs, each new player
 * ride gets a variant by {@link Assignment}, and every step of that ride is written with the variant's prompt
 * version, chain and content bank version (a ride outside any variant: the published ones). Rows live in {@link ExperimentStore}; this class adds the cache that keeps a step from reading
 * them: the running experiment for {@code liminal.prompts.cache} (dropped at once on this server when a writer
 * starts or stops one), variants for good (they never change).
 */
@ApplicationScoped
public class Experiments implements RidePlans {

    private record Cached(Optional<Experiment> running, Instant until) {}

    private final ExperimentStore store;
    private final PromptStore prompts;
    private final BankStore banks;
    private final Clock clock;
    private final Duration cacheLife;
    private final Map<Long, Variant> variants = new ConcurrentHashMap<>();
    private volatile Cached running;

    @Inject
    Experiments(
            ExperimentStore store,
            PromptStore prompts,
            BankStore banks,
            Clock clock,
            @ConfigProperty(name = "liminal.prompts.cache", defaultValue = "5s") Duration cacheLife) {
        this.store = store;
        this.prompts = prompts;
        this.banks = banks;
        this.clock = clock;
        this.cacheLife = cacheLife;
    }

    @Override
    public RidePlan forNewRide(String ownerHash) {
        return running()
                .flatMap(experiment -> Assignment.variantFor(experiment, ownerHash))
                .map(this::plan)
                .orElseGet(this::published);
    }

    @Override
    public RidePlan forVariant(Long variantId) {
        return Optional.ofNullable(variantId)
                .flatMap(this::variant)
                .map(this::plan)
                .orElseGet(this::published);
    }

    private RidePlan plan(Variant variant) {
        PromptSet set = prompts.find(variant.promptVersion()).orElseGet(prompts::published);
        int bank = variant.bankVersion() != null ? variant.bankVersion() : banks.publishedVersion();
        return new RidePlan(variant.id(), set, variant.chain(), bank);
    }

    private RidePlan published() {
        return new RidePlan(null, prompts.published(), List.of(), banks.publishedVersion());
    }

    /** The running experiment, if any (cached briefly). */
    public Optional<Experiment> running() {
        Cached cached = running;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return cached.running();
        }
        Optional<Experiment> fresh = store.running();
        running = new Cached(fresh, now.plus(cacheLife));
        return fresh;
    }

    /** A variant by id (cached for good once read). */
    public Optional<Variant> variant(long id) {
        Variant known = variants.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Variant> read = store.variant(id);
        read.ifPresent(v -> variants.put(id, v));
        return read;
    }

    /** Every experiment, newest first. */
    public List<Experiment> all() {
        return store.all();
    }

    /** One experiment. */
    public Optional<Experiment> find(long id) {
        return store.find(id);
    }

    /**
     * Starts an experiment with these variants.
     *
     * @return its id
     * @throws ExperimentAlreadyRunning when another experiment runs (the database decides, so of two writers
     *                                  starting at once exactly one succeeds)
     */
    public long start(String name, List<VariantSpec> specs, String by) {
        try {
            return store.start(name, specs, by, clock.instant());
        } finally {
            running = null;
        }
    }

    /**
     * Stops a running experiment; with a winner (one of its variants), publishes the winner's prompt version.
     *
     * @return {@code false} when it was not running (or the winner is not one of its variants)
     */
    public boolean stop(long id, Long winnerId, String by) {
        Optional<Experiment> experiment = store.find(id).filter(Experiment::running);
        if (experiment.isEmpty()) {
            return false;
        }
        Optional<Variant> won = Optional.ofNullable(winnerId).flatMap(experiment.get()::variant);
        if (winnerId != null && won.isEmpty()) {
            return false;
        }
        boolean stopped = store.stop(id, winnerId, clock.instant());
        running = null;
        if (stopped) {
            won.ifPresent(v -> {
                prompts.publish(v.promptVersion(), by);
                if (v.bankVersion() != null) {
                    banks.publish(v.bankVersion(), by);
                }
            });
        }
        return stopped;
    }
}
