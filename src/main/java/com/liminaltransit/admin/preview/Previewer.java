package com.liminaltransit.admin.preview;

import com.liminaltransit.admin.bank.BankStore;
import com.liminaltransit.i18n.StepInLanguage;
import com.liminaltransit.i18n.Translations;
import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.ContentPlan;
import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.PromptSet;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.chain.AiBudget;
import com.liminaltransit.narrative.chain.ProviderChain;
import com.liminaltransit.narrative.chain.ProviderTrial;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.narrative.vendor.PriceTable;
import com.liminaltransit.story.StoryService;
import com.liminaltransit.web.PageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Runs one stop of a ride (or a fresh boarding) on one provider, alone, with a chosen prompt version, through the
 * chain's own unguarded path ({@link ProviderChain#previewWith}): outside the fault tolerance that guards players'
 * calls, charged to the spend ledger as a preview, and nothing stored in any ride, so a preview never touches a
 * player's ride nor the breaker players share.
 */
@ApplicationScoped
public class Previewer {

    private static final Logger LOG = Logger.getLogger(Previewer.class.getName());

    private final StoryService stories;
    private final ProviderChain chain;
    private final PromptBuilder prompts;
    private final AiBudget budget;
    private final PriceTable prices;
    private final PreviewQuota quota;
    private final BankStore banks;
    private final Translations translations;

    @Inject
    Previewer(
            StoryService stories,
            ProviderChain chain,
            PromptBuilder prompts,
            AiBudget budget,
            PriceTable prices,
            PreviewQuota quota,
            BankStore banks,
            Translations translations) {
        this.banks = banks;
        this.stories = stories;
        this.chain = chain;
        this.prompts = prompts;
        this.budget = budget;
        this.prices = prices;
        this.quota = quota;
        this.translations = translations;
    }

    /** The context of stop {@code stop} of a ride, written with {@code promptSet}. */
    public StoryContext forRide(String rideId, int stop, PromptSet promptSet) {
        return stories.previewContext(rideId, stop).with(promptSet, List.of());
    }

    /**
     * The boarding of a fresh ride with this seed, written with {@code promptSet} in {@code language} (and, by
     * {@code offline}, from the published content bank, for a player with nothing read).
     */
    public StoryContext forSeed(long seed, PromptSet promptSet, String language) {
        return StoryContext.boarding("preview-" + UUID.randomUUID(), seed, language)
                .with(promptSet, List.of())
                .withContent(new ContentPlan(banks.publishedVersion(), List.of()));
    }

    /** Whether what a provider writes depends on the prompt (the offline storyteller's does not). */
    public boolean readsPrompts(String providerName) {
        return chain.provider(providerName).map(AiProvider::readsPrompts).orElse(true);
    }

    /** The content bank version the offline storyteller writes this context from. */
    public int bankVersion(StoryContext context) {
        return context.content().bankVersion() == null ? 1 : context.content().bankVersion();
    }

    /** The exact conversation a model would be sent. */
    public Conversation prompt(StoryContext context) {
        return prompts.build(context);
    }

    /** Every provider by name with the settings it still needs (empty: ready). */
    public Map<String, List<String>> providers() {
        return chain.available();
    }

    /** Whether today's AI budget is spent, so paid previews need the writer's confirmation. */
    public boolean budgetSpent() {
        return budget.exhausted();
    }

    /**
     * Asks one provider for the stop, with its configured model or {@code model} when one is given; never throws
     * for the provider's failures, which become the verdict. Past the daily budget a paid provider is asked only when
     * {@code pastBudget}, the writer's confirmation, which is logged with the writer's name. A model named without a
     * price is refused (it would be charged as free), and each writer's previews are bounded ({@link PreviewQuota}).
     */
    public PreviewResult run(
            StoryContext context, String providerName, String model, boolean pastBudget, String writer) {
        if (model != null
                && !model.isBlank()
                && !ProviderChain.OFFLINE.equals(providerName)
                && !prices.hasPrice(model)) {
            throw new PageException(
                    Response.Status.BAD_REQUEST,
                    "The model " + model + " has no price, so what it costs would not be counted. Add"
                            + " liminal.ai.price." + model + ".input and .output first.");
        }
        try (PreviewQuota.Permit permit = quota.take(writer)) {
            return ask(context, providerName, model, pastBudget, writer);
        }
    }

    private PreviewResult ask(
            StoryContext context, String providerName, String model, boolean pastBudget, String writer) {
        boolean overriding = pastBudget && !ProviderChain.OFFLINE.equals(providerName) && budget.exhausted();
        if (overriding) {
            LOG.warning(() ->
                    "Writer " + writer + " previews " + providerName + " past the spent daily AI budget (confirmed)");
        }
        ProviderTrial trial = chain.previewWith(providerName, context.withModel(model), pastBudget);
        return asPlayersRead(PreviewResult.of(trial, context.language()), trial, context.language());
    }

    /**
     * The column as players of a ride in {@code language} would read it: a provider that does not write the language
     * (offline writes English) is shown translated when Amazon Translate is configured, or as written, saying so.
     */
    private PreviewResult asPlayersRead(PreviewResult column, ProviderTrial trial, String language) {
        if (trial.generation() == null || !column.valid()) {
            return column;
        }
        StepResult step = new StepResult(trial.generation(), 0, 0, 1, null);
        StepInLanguage shown = translations.forRide(step, language);
        if (shown.step() != step) {
            return column.showing(
                    shown.step().narrative(),
                    shown.language(),
                    "; translated into " + language + " by Amazon Translate");
        }
        if (!shown.language().equals(language)) {
            return column.noted(
                    shown.language(),
                    "; written in " + shown.language() + ", which players of a " + language + " ride read as it is"
                            + (translations.configured()
                                    ? " (Amazon Translate failed just now)"
                                    : " (Amazon Translate is not configured: liminal.translate.region)"));
        }
        return column;
    }
}
