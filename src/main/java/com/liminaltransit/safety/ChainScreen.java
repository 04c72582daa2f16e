package com.liminaltransit.safety;

import com.liminaltransit.narrative.AnswerCheck;
import com.liminaltransit.narrative.AnswerVerdict;
import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.chain.ProviderChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The safety check where the provider chain accepts an answer: every model's valid answer is judged in the ride's
 * language before anyone reads it; a refusal is recorded for the writers and becomes that provider's failure.
 * The offline storyteller's own text, which is what replaces a refused answer, is judged by the local rules only and
 * always shown (a rule that flags it is recorded as {@code served}, for the writers to fix the content bank).
 */
@ApplicationScoped
public class ChainScreen implements AnswerCheck {

    private static final Logger LOG = Logger.getLogger(ChainScreen.class.getName());

    private final SafetyCheck safety;
    private final BlockStore blocks;
    private final Clock clock;

    @Inject
    ChainScreen(SafetyCheck safety, BlockStore blocks, Clock clock) {
        this.safety = safety;
        this.blocks = blocks;
        this.clock = clock;
    }

    @Override
    public AnswerVerdict check(StoryContext context, String provider, Narrative narrative) {
        return judge(context, provider, parts(narrative));
    }

    /** One sentence of a streamed answer, judged by the same layers before it is shown. */
    @Override
    public AnswerVerdict checkSentence(StoryContext context, String provider, String sentence) {
        return judge(context, provider, List.of(new TextPart("sentence", sentence)));
    }

    private AnswerVerdict judge(StoryContext context, String provider, List<TextPart> parts) {
        boolean authored = ProviderChain.OFFLINE.equals(provider);
        SafetyVerdict verdict;
        try {
            verdict = authored
                    ? safety.checkAuthored(context.language(), parts)
                    : safety.check(context.language(), parts);
        } catch (RuntimeException e) {
            // a check that breaks must not become the player's error, nor let unchecked text through
            LOG.log(Level.SEVERE, e, () -> "The safety check failed on " + provider + "'s answer");
            return authored ? AnswerVerdict.PASS : AnswerVerdict.refuseToLastLink("fail closed: the check failed");
        }
        if (verdict.allowed()) {
            return AnswerVerdict.PASS;
        }
        String action = authored
                ? "served"
                : verdict.decision() == SafetyVerdict.Decision.FAIL_CLOSED ? "fail-closed" : "refused";
        blocks.record(new Block(
                0,
                clock.instant(),
                context.rideId(),
                context.stop(),
                context.purpose().code(),
                provider,
                context.language(),
                layer(verdict),
                categories(verdict),
                verdict.reason(),
                action,
                PersonalData.mask(text(parts))));
        if (authored) {
            LOG.warning(() -> "The offline storyteller's own text trips the safety rules (" + verdict.reason()
                    + "); shown as the last link: fix the content bank");
            return AnswerVerdict.PASS;
        }
        return verdict.decision() == SafetyVerdict.Decision.FAIL_CLOSED
                ? AnswerVerdict.refuseToLastLink("fail closed: " + verdict.reason())
                : AnswerVerdict.refuse(verdict.reason());
    }

    @Override
    public Optional<String> refusedUnread(StoryContext context) {
        return safety.uncovered(context.language()).map(reason -> "fail closed: " + reason);
    }

    /** The passage, each choice label and the summary, as the parts the layers judge. */
    static List<TextPart> parts(Narrative narrative) {
        List<TextPart> parts = new ArrayList<>();
        parts.add(new TextPart("passage", narrative.passage()));
        for (ChoiceOption choice : narrative.choices()) {
            parts.add(new TextPart("choice " + choice.id(), choice.label()));
        }
        parts.add(new TextPart("summary", narrative.summary()));
        return parts;
    }

    private static String layer(SafetyVerdict verdict) {
        if (verdict.decision() == SafetyVerdict.Decision.FAIL_CLOSED) {
            return verdict.unavailable().isEmpty() ? "coverage" : "unavailable";
        }
        return verdict.findings().getFirst().layer().code();
    }

    private static String categories(SafetyVerdict verdict) {
        if (verdict.decision() == SafetyVerdict.Decision.FAIL_CLOSED) {
            return verdict.unavailable().isEmpty() ? "uncovered-language" : "unavailable";
        }
        return String.join(",", verdict.categories());
    }

    private static String text(List<TextPart> parts) {
        return parts.stream()
                .filter(part -> !part.text().isBlank())
                .map(part -> part.field().equals("passage") ? part.text() : "[" + part.field() + "] " + part.text())
                .collect(Collectors.joining("\n\n"));
    }
}
