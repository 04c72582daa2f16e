package com.liminaltransit.i18n;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.StepNeeds;
import com.liminaltransit.narrative.ValidationResult;
import com.liminaltransit.narrative.chain.ProviderChain;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.web.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Puts a written stop into its ride's language. Models narrate natively (the prompt names the language, and the
 * chain passes over a model that does not write it), so only what no model wrote is translated: the offline
 * storyteller's English. With Amazon Translate configured its passage and choice labels are translated (with the
 * line's terminology), each text once and then read from the database; the summary, which only models read, stays
 * as written. Without Translate, or when it fails in any way (throttled, down, slow, an unreadable or unshowable
 * answer), the stop stays English and says so: the player gets the story, never an error.
 */
@ApplicationScoped
public class Translations {

    private static final Logger LOG = Logger.getLogger(Translations.class.getName());

    private final ProviderChain chain;
    private final AmazonTranslate translate;
    private final TranslationStore store;
    private final MetricRegistry metrics;
    private final Clock clock;

    @Inject
    Translations(
            ProviderChain chain,
            AmazonTranslate translate,
            TranslationStore store,
            MetricRegistry metrics,
            Clock clock) {
        this.chain = chain;
        this.translate = translate;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Whether Amazon Translate is configured. */
    public boolean configured() {
        return translate.configured();
    }

    /**
     * The stop {@code step} as a ride in {@code rideLanguage} shows it: as written when its provider writes that
     * language; else translated when Translate can; else as written, in the language it is in.
     */
    public StepInLanguage forRide(StepResult step, String rideLanguage) {
        String wanted = StepNeeds.normalise(rideLanguage);
        String written = writtenIn(step.generation().provider(), wanted);
        if (samePrimary(written, wanted)) {
            return new StepInLanguage(step, wanted);
        }
        return translated(step.narrative(), written, wanted)
                .map(narrative -> new StepInLanguage(step.withNarrative(narrative), wanted))
                .orElseGet(() -> new StepInLanguage(step, written));
    }

    /** The language a provider's text is in when {@code wanted} was asked. */
    String writtenIn(String provider, String wanted) {
        return chain.provider(provider)
                .map(p -> p.capabilities().writtenIn(wanted))
                .orElse(wanted);
    }

    /**
     * {@code narrative}'s passage and labels translated from {@code from} into {@code to}, all or nothing (a stop
     * never mixes languages); empty when Translate is not configured or any text fails.
     */
    public Optional<Narrative> translated(Narrative narrative, String from, String to) {
        if (!translate.configured()) {
            untranslated("not-configured", to);
            return Optional.empty();
        }
        try {
            String passage = text(narrative.passage(), from, to);
            List<ChoiceOption> choices = new ArrayList<>();
            for (ChoiceOption choice : narrative.choices()) {
                choices.add(new ChoiceOption(choice.id(), text(choice.label(), from, to)));
            }
            Narrative shown = new Narrative(passage, choices, narrative.ending(), narrative.summary()).normalised();
            ValidationResult verdict = NarrativeValidator.validateTranslated(shown);
            if (!verdict.valid()) {
                throw new TranslationUnavailable("the translation cannot be shown: " + verdict.complaint());
            }
            return Optional.of(shown);
        } catch (RuntimeException e) {
            // TranslationUnavailable, an open breaker, the database: the stop stays as written, the player never knows
            untranslated("failed", to);
            LOG.warning(
                    () -> "Translation into " + to + " failed (" + e.getClass().getSimpleName() + ": "
                            + LogSafe.text(e.getMessage()) + "); the stop stays in " + from);
            return Optional.empty();
        }
    }

    /** One text, from the database when it was translated before, else from Translate (and then kept). */
    private String text(String source, String from, String to) {
        String key = TranslationStore.key(from, source);
        Optional<String> kept = store.find(key, to);
        if (kept.isPresent()) {
            count("kept", to);
            return kept.get();
        }
        String translated = translate.translate(source, from, to);
        if (translated.length() > TranslationStore.MAX_TRANSLATED) {
            throw new TranslationUnavailable("a translation longer than " + TranslationStore.MAX_TRANSLATED);
        }
        if (!NarrativeValidator.isPlainText(translated)) {
            // never kept: a translation no page may show is asked for again next time, not read back forever
            throw new TranslationUnavailable("a translation with markup or hidden characters");
        }
        store.keep(key, to, translated, translate.terminology().orElse(null), clock.instant());
        count("translated", to);
        return translated;
    }

    /** {@code translate_texts_total{outcome=kept|translated,language}}: texts read from the database or Translate. */
    private void count(String outcome, String language) {
        metrics.counter("translate.texts", new Tag("outcome", outcome), new Tag("language", language))
                .inc();
    }

    /** {@code translate_untranslated_total{reason=not-configured|failed,language}}: stops left as written. */
    private void untranslated(String reason, String language) {
        metrics.counter("translate.untranslated", new Tag("reason", reason), new Tag("language", language))
                .inc();
    }

    private static boolean samePrimary(String a, String b) {
        return primary(a).equals(primary(b));
    }

    private static String primary(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }
}
