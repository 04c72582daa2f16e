package com.liminaltransit.narrative.chain;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.AnswerCheck;
import com.liminaltransit.narrative.AnswerVerdict;
import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.CallPurpose;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.SentenceRefusedException;
import com.liminaltransit.narrative.StepNeeds;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.ValidationResult;
import com.liminaltransit.narrative.stream.AnswerStream;
import com.liminaltransit.narrative.stream.StreamedStop;
import com.liminaltransit.narrative.vendor.PriceTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Writes a stop by asking the providers of {@code liminal.ai.chain} in turn until one gives a valid narrative.
 * {@code offline} is always the last link, so a ride never dead-ends; and the whole step runs under one deadline
 * (MicroProfile Fault Tolerance {@code @Timeout}, override with
 * {@code com.liminaltransit.narrative.chain.ProviderChain/write/Timeout/value}) after which {@code offline} answers.
 * Each provider guards its own calls ({@code @Timeout}, {@code @Retry}, {@code @CircuitBreaker}, {@code @Bulkhead});
 * the chain passes over a provider whose {@link AiProvider#capabilities() model} cannot serve what the step needs
 * (its language, streaming, JSON mode) and, past the {@link AiBudget daily budget}, every paid one; it counts the
 * vendor calls a step took, puts each paid call on the {@link SpendLedger}, and remembers what each provider's
 * breaker last said, for {@code /health/ready}. {@code offline} is never passed over: it writes English today,
 * whatever language is asked (the languages issue translates it). A valid answer is shown only once the
 * {@link AnswerCheck} (the safety feature) passes it; a refused one is that provider's failure.
 */
@ApplicationScoped
public class ProviderChain {

    /** The storyteller that needs no network and closes every chain. */
    public static final String OFFLINE = "offline";

    private static final Logger LOG = Logger.getLogger(ProviderChain.class.getName());

    /** Fallback reason ({@code narrative_fallbacks_total{reason}}): the model cannot serve what the step needs. */
    static final String UNSUPPORTED = "Unsupported";

    /** Fallback reason: the daily AI budget is spent. */
    static final String DAILY_BUDGET = "DailyBudget";

    /** Fallback reason: the step deadline passed. */
    static final String STEP_DEADLINE = "StepDeadline";

    /** Fallback reason: the answer check (safety) refused the answer, or the answers of every model of the step. */
    static final String REFUSED = "SafetyRefused";

    /**
     * Where MicroProfile Fault Tolerance reads the step deadline of {@link #write}; the chain reads it too, so a call
     * that ends after it is charged as late.
     */
    private static final String DEADLINE_KEY = "com.liminaltransit.narrative.chain.ProviderChain/write/Timeout/";

    private final List<AiProvider> providers;
    private final Map<String, AiProvider> known;
    private final AiProvider offline;
    private final NarrativeMetrics metrics;
    private final AnswerCheck answers;
    private final CallLedger ledger;
    private final AiBudget budget;
    private final Attempts attempts;
    private final Clock clock;
    private final Duration deadline;
    private final Map<String, BreakerState> states = new ConcurrentHashMap<>();

    /**
     * Orders the known providers by the configured chain.
     *
     * @throws IllegalStateException when the chain names a provider that does not exist or is not configured, so
     *                               a typo or a missing key stops the server at start-up instead of silently
     *                               falling back on every step
     */
    private static final int MAX_MIN_STOPS_BEFORE_ENDING = 8;

    @Inject
    public ProviderChain(
            @Any Instance<AiProvider> available,
            @ConfigProperty(name = "liminal.ai.chain", defaultValue = OFFLINE) List<String> chain,
            NarrativeMetrics metrics,
            @Any Instance<AnswerCheck> answerCheck,
            CallLedger ledger,
            AiBudget budget,
            SpendLedger spend,
            PriceTable prices,
            Clock clock,
            @ConfigProperty(name = DEADLINE_KEY + "value", defaultValue = "20") long deadlineValue,
            @ConfigProperty(name = DEADLINE_KEY + "unit", defaultValue = "SECONDS") ChronoUnit deadlineUnit,
            @ConfigProperty(
                            name = NarrativeValidator.MIN_STOPS_BEFORE_ENDING_KEY,
                            defaultValue = "" + NarrativeValidator.DEFAULT_MIN_STOPS_BEFORE_ENDING)
                    int minStopsBeforeEnding) {
        if (minStopsBeforeEnding < 0 || minStopsBeforeEnding > MAX_MIN_STOPS_BEFORE_ENDING) {
            // offline's own earliest ending is stop 8: a higher minimum would refuse the last link of every chain
            throw new IllegalStateException(NarrativeValidator.MIN_STOPS_BEFORE_ENDING_KEY + " must be 0 to "
                    + MAX_MIN_STOPS_BEFORE_ENDING + ", not " + minStopsBeforeEnding);
        }
        Map<String, AiProvider> byName = new LinkedHashMap<>();
        available.forEach(provider -> byName.put(provider.name(), provider));
        this.providers = order(chain, byName);
        this.known = Map.copyOf(byName);
        this.offline = providers.getLast();
        this.metrics = metrics;
        this.answers = answerCheck.isResolvable() ? answerCheck.get() : AnswerCheck.NONE;
        this.ledger = ledger;
        this.budget = budget;
        this.attempts = new Attempts(ledger, spend, prices, clock, minStopsBeforeEnding);
        this.clock = clock;
        this.deadline = Duration.of(deadlineValue, deadlineUnit);
        providers.forEach(provider -> states.put(provider.name(), BreakerState.CLOSED));
        LOG.info(() ->
                "Narrative chain: " + providers.stream().map(AiProvider::name).toList());
    }

    /** Builds the chain when the application starts, so a bad {@code liminal.ai.chain} fails start-up. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "Narrative chain checked: " + names());
    }

    static List<AiProvider> order(List<String> chain, Map<String, AiProvider> byName) {
        List<AiProvider> ordered = new ArrayList<>();
        for (String name : chain) {
            String trimmed = name.strip();
            if (trimmed.isEmpty() || OFFLINE.equals(trimmed)) {
                continue;
            }
            AiProvider provider = byName.get(trimmed);
            if (provider == null) {
                throw new IllegalStateException("liminal.ai.chain names '" + trimmed
                        + "', which is not a provider; known providers: " + byName.keySet());
            }
            List<String> missing = provider.missingSettings();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("liminal.ai.chain names '" + trimmed
                        + "', but it is not configured: set " + String.join(", ", missing)
                        + " (or remove it from the chain)");
            }
            if (!ordered.contains(provider)) {
                ordered.add(provider);
            }
        }
        AiProvider offline = byName.get(OFFLINE);
        if (offline == null) {
            throw new IllegalStateException("the offline provider is missing from the application");
        }
        ordered.add(offline);
        return List.copyOf(ordered);
    }

    /** The providers in the order they are tried, {@code offline} last. */
    public List<String> names() {
        return providers.stream().map(AiProvider::name).toList();
    }

    /**
     * Every provider the application has, by name, with the settings each still needs (empty: it can be called).
     * The writers' room shows unconfigured ones disabled.
     */
    public Map<String, List<String>> available() {
        Map<String, List<String>> all = new TreeMap<>();
        known.forEach((name, provider) -> all.put(name, provider.missingSettings()));
        return all;
    }

    /** One provider by name, for a preview that asks it alone; empty when unknown. */
    public Optional<AiProvider> provider(String name) {
        return Optional.ofNullable(known.get(name));
    }

    /**
     * Why {@code chain} cannot be used as a chain (an unknown or unconfigured provider), or {@code null} when it
     * can; {@code offline} is added last whether named or not.
     */
    public String problemWith(List<String> chain) {
        try {
            order(chain, known);
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /** The providers tried for {@code context}: its own chain when it names one, else the configured one. */
    private List<AiProvider> providersFor(StoryContext context) {
        if (context.chain().isEmpty()) {
            return providers;
        }
        try {
            return order(context.chain(), known);
        } catch (IllegalStateException e) {
            LOG.warning(() -> "A variant's chain cannot be used (" + e.getMessage() + "); using the configured one");
            return providers;
        }
    }

    /**
     * The circuit-breaker state each provider of the chain showed on its last call: {@code closed} (calls go
     * through), {@code open} (the breaker refused the call), {@code bulkhead-full}; {@code offline} is always
     * {@code closed}.
     */
    public Map<String, BreakerState> states() {
        Map<String, BreakerState> ordered = new LinkedHashMap<>();
        providers.forEach(
                provider -> ordered.put(provider.name(), states.getOrDefault(provider.name(), BreakerState.CLOSED)));
        return ordered;
    }

    /** Writes the stop that {@code context} asks for; always answers unless {@code offline} itself breaks. */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "writeOffline")
    public StepResult write(StoryContext context) {
        ledger.open(context, clock.instant().plus(deadline));
        try {
            return writeWithEach(context, null);
        } finally {
            ledger.close(context);
        }
    }

    /**
     * Writes the stop {@code context} asks for while the player reads it: a provider that streams shows each checked
     * sentence through {@code stop} as it arrives; one that does not writes the stop at once. Nothing shown is taken
     * back: when a link fails after showing sentences (a reset, a stall, a refused sentence, invalid choices), the
     * next link continues from them, and {@code offline} can always close the passage. The same deadline as
     * {@link #write} (override with {@code com.liminaltransit.narrative.chain.ProviderChain/writeStreaming/Timeout/value}),
     * after which {@code offline} closes what was shown.
     */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "closeOffline")
    public StepResult writeStreaming(StoryContext context, StreamedStop stop) {
        ledger.open(context, clock.instant().plus(deadline));
        try {
            return writeWithEach(context, stop);
        } finally {
            ledger.close(context);
        }
    }

    /**
     * Asks the providers in turn.
     *
     * @param stop the streamed stop, or {@code null} when the stop is written at once
     */
    private StepResult writeWithEach(StoryContext context, StreamedStop stop) {
        long started = System.nanoTime();
        StepNeeds needs = StepNeeds.of(context);
        List<String> passedOver = new ArrayList<>();
        int calls = 0;
        List<AiProvider> providers = providersFor(context);
        // a language no check covers: every model's answer would be refused unread, so none is asked (or paid)
        String toLastLink =
                providers.size() > 1 ? answers.refusedUnread(context).orElse(null) : null;
        for (AiProvider provider : providers) {
            boolean last = provider == offline;
            if (!last) {
                if (toLastLink != null) {
                    metrics.recordFallback(provider.name(), REFUSED);
                    passedOver.add(provider.name() + ": skipped: " + toLastLink);
                    continue;
                }
                Optional<String> unmet = provider.capabilities().unmet(needs);
                if (unmet.isEmpty()
                        && stop != null
                        && stop.anyShown()
                        && !provider.capabilities().streaming()) {
                    unmet = Optional.of("cannot continue a passage already shown");
                }
                if (unmet.isPresent()) {
                    metrics.recordFallback(provider.name(), UNSUPPORTED);
                    passedOver.add(provider.name() + ": skipped: " + unmet.get());
                    continue;
                }
                if (budget.exhausted()) {
                    metrics.recordFallback(provider.name(), DAILY_BUDGET);
                    passedOver.add(provider.name() + ": daily AI budget reached");
                    continue;
                }
            }
            Attempt attempt = attempts.ask(provider, context, call(provider, stop, last));
            calls += attempt.calls();
            AnswerVerdict verdict =
                    attempt.valid() ? checked(context, provider, attempt, last) : refusedSentence(attempt.failure());
            if (verdict != null && !verdict.passed()) {
                states.put(provider.name(), BreakerState.CLOSED);
                metrics.recordCall(provider.name(), CallResult.REFUSED, attempt.latency());
                metrics.recordFallback(provider.name(), REFUSED);
                LOG.warning(() -> "The answer of " + provider.name() + " was refused (" + verdict.reason()
                        + "); trying the next provider");
                passedOver.add(provider.name() + ": refused: " + verdict.reason());
                if (verdict.outcome() == AnswerVerdict.Outcome.REFUSE_TO_LAST_LINK) {
                    toLastLink = verdict.reason();
                }
                linkFailed(stop);
                continue;
            }
            if (attempt.valid()) {
                states.put(provider.name(), BreakerState.CLOSED);
                metrics.recordCall(provider.name(), CallResult.SUCCESS, attempt.latency());
                if (stop != null) {
                    stop.finishedBy(provider.name());
                }
                StepResult step = result(provider, attempt, started, calls, passedOver);
                metrics.recordStep(step);
                return step;
            }
            RuntimeException e = attempt.failure();
            linkFailed(stop);
            states.put(provider.name(), state(e));
            metrics.recordCall(provider.name(), result(e), attempt.latency());
            if (last) {
                throw e;
            }
            metrics.recordFallback(provider.name(), e.getClass().getSimpleName());
            LOG.log(
                    Level.WARNING,
                    () -> "Provider " + provider.name() + " failed (" + describe(e) + "); trying the next one");
            passedOver.add(provider.name() + ": " + describe(e));
        }
        throw new IllegalStateException("the chain has no providers");
    }

    /** A streamed sentence the safety check refused, as the verdict on that answer; {@code null} for other failures. */
    private static AnswerVerdict refusedSentence(RuntimeException failure) {
        if (!(failure instanceof SentenceRefusedException refused)) {
            return null;
        }
        String reason = "a sentence: " + refused.getMessage();
        return refused.toLastLink() ? AnswerVerdict.refuseToLastLink(reason) : AnswerVerdict.refuse(reason);
    }

    /** How one provider is asked: at once, or as a stream that continues what was shown. */
    private Function<StoryContext, Generation> call(AiProvider provider, StreamedStop stop, boolean last) {
        if (stop == null) {
            return provider::generate;
        }
        return context -> provider.generateStreaming(
                context,
                new AnswerStream(stop, provider.name(), last ? AnswerStream.Gate.OPEN : gate(context, provider)));
    }

    /** The safety check of each sentence of a model's stream, before it is shown. */
    private AnswerStream.Gate gate(StoryContext context, AiProvider provider) {
        return sentence -> {
            AnswerVerdict verdict = answers.checkSentence(context, provider.name(), sentence);
            if (!verdict.passed()) {
                throw new SentenceRefusedException(
                        verdict.reason(), verdict.outcome() == AnswerVerdict.Outcome.REFUSE_TO_LAST_LINK);
            }
        };
    }

    private static void linkFailed(StreamedStop stop) {
        if (stop != null && stop.anyShown()) {
            stop.linkFailed();
        }
    }

    /**
     * The answer check's verdict on a valid answer. The last link's text is shown whatever the verdict (nothing is
     * left to try, and a ride never dead-ends); a refusal of it is logged for the writers.
     */
    private AnswerVerdict checked(StoryContext context, AiProvider provider, Attempt attempt, boolean last) {
        AnswerVerdict verdict =
                answers.check(context, provider.name(), attempt.generation().narrative());
        if (last && !verdict.passed()) {
            LOG.warning(() -> "The last link's own answer was refused (" + verdict.reason() + "); shown all the same");
            return AnswerVerdict.PASS;
        }
        return verdict;
    }

    /**
     * The step deadline passed: the offline storyteller answers at once. Calls still running for the step are kept on
     * the spend ledger as late. {@code offline} writes every language the chain is asked for; until the languages
     * issue translates, it writes them in English.
     */
    StepResult writeOffline(StoryContext context) {
        long started = System.nanoTime();
        ledger.lapse(context);
        providersFor(context).stream()
                .filter(provider -> provider != offline)
                .forEach(provider -> metrics.recordFallback(provider.name(), STEP_DEADLINE));
        Generation generation = offline.generate(context);
        ValidationResult verdict = offline.validate(generation.narrative());
        if (!verdict.valid()) {
            throw new InvalidNarrativeException(verdict.complaint());
        }
        metrics.recordCall(offline.name(), CallResult.SUCCESS, since(started));
        StepResult step = new StepResult(generation, 0, since(started).toMillis(), 1, "step deadline passed");
        metrics.recordStep(step);
        return step;
    }

    /**
     * The step deadline passed while the stop was streamed: {@code offline} closes the passage as far as it was
     * shown (or writes the whole stop when nothing was).
     */
    StepResult closeOffline(StoryContext context, StreamedStop stop) {
        if (!stop.anyShown()) {
            StepResult step = writeOffline(context);
            stop.finishedBy(offline.name());
            return step;
        }
        long started = System.nanoTime();
        ledger.lapse(context);
        providersFor(context).stream()
                .filter(provider -> provider != offline)
                .forEach(provider -> metrics.recordFallback(provider.name(), STEP_DEADLINE));
        stop.linkFailed();
        Generation generation =
                offline.generateStreaming(context, new AnswerStream(stop, offline.name(), AnswerStream.Gate.OPEN));
        ValidationResult verdict = offline.validate(generation.narrative());
        if (!verdict.valid()) {
            throw new InvalidNarrativeException(verdict.complaint());
        }
        stop.finishedBy(offline.name());
        metrics.recordCall(offline.name(), CallResult.SUCCESS, since(started));
        StepResult step = new StepResult(generation, 0, since(started).toMillis(), 1, "step deadline passed");
        metrics.recordStep(step);
        return step;
    }

    /**
     * Asks one provider for the stop as the chain would, without the players' fault tolerance (no retry, breaker,
     * bulkhead or step deadline; the vendor client's own timeout still applies) and without touching the players'
     * metrics or breaker states: the writers' preview. The provider is skipped when it cannot serve what the step
     * needs; every paid call is charged to the spend ledger as {@code preview}. Never throws for the provider's
     * failures, which become the trial's status.
     *
     * @param context the stop, with the model to ask in {@link StoryContext#model()} ({@code null}: the configured one)
     */
    public ProviderTrial previewWith(String providerName, StoryContext context) {
        return previewWith(providerName, context, false);
    }

    /**
     * As {@link #previewWith(String, StoryContext)}; past the daily budget a paid provider is refused unless
     * {@code pastBudget} (a writer's confirmation, which the caller logs).
     */
    public ProviderTrial previewWith(String providerName, StoryContext context, boolean pastBudget) {
        AiProvider provider = known.get(providerName);
        if (provider == null) {
            return ProviderTrial.notAsked(
                    providerName, TrialStatus.REFUSED, "No provider is called " + providerName + ".");
        }
        List<String> missing = provider.missingSettings();
        if (!missing.isEmpty()) {
            return ProviderTrial.notAsked(
                    providerName, TrialStatus.REFUSED, "Not configured: set " + String.join(", ", missing) + ".");
        }
        if (context.model() != null && !provider.acceptsModelChoice()) {
            return ProviderTrial.notAsked(
                    providerName,
                    TrialStatus.REFUSED,
                    providerName + " has no model to choose: leave the model empty.");
        }
        if (provider != offline) {
            Optional<String> unmet = provider.capabilities().unmet(StepNeeds.of(context));
            if (unmet.isPresent()) {
                return ProviderTrial.notAsked(providerName, TrialStatus.SKIPPED, unmet.get());
            }
            if (!pastBudget && budget.exhausted()) {
                return ProviderTrial.notAsked(
                        providerName,
                        TrialStatus.REFUSED,
                        "The daily AI budget is spent: paid providers wait until midnight (UTC),"
                                + " unless you confirm spending past it.");
            }
        }
        StoryContext call =
                context.with(context.prompts(), List.of(providerName)).withPurpose(CallPurpose.PREVIEW);
        ledger.open(call);
        try {
            return ProviderTrial.of(providerName, attempts.ask(provider, call, provider::generateUnguarded));
        } finally {
            ledger.close(call);
        }
    }

    private StepResult result(AiProvider provider, Attempt attempt, long started, int calls, List<String> passedOver) {
        Generation generation = attempt.generation();
        metrics.recordTokens(provider.name(), generation.inputTokens(), generation.outputTokens());
        metrics.recordCost(provider.name(), attempt.costUsd());
        String reason = passedOver.isEmpty() ? null : truncate(String.join("; ", passedOver), 300);
        return new StepResult(generation, attempt.costUsd(), since(started).toMillis(), calls, reason);
    }

    private static BreakerState state(RuntimeException e) {
        if (e instanceof CircuitBreakerOpenException) {
            return BreakerState.OPEN;
        }
        return e instanceof BulkheadException ? BreakerState.BULKHEAD_FULL : BreakerState.CLOSED;
    }

    private static CallResult result(RuntimeException e) {
        if (e instanceof InvalidNarrativeException) {
            return CallResult.INVALID;
        }
        return e instanceof CircuitBreakerOpenException ? CallResult.BREAKER_OPEN : CallResult.ERROR;
    }

    static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Duration since(long nanoStart) {
        return Duration.ofNanos(System.nanoTime() - nanoStart);
    }
}
