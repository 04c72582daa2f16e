package com.liminaltransit.narrative.offline;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.PastStop;
import com.liminaltransit.narrative.StoryContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * A storyteller that needs no network, no key and no money, so it is the default and the last link of every
 * chain: a ride never dead-ends. It writes from a hand-written content bank and is deterministic for a ride's
 * seed and path, which also lets it take over a ride that another provider began.
 */
@ApplicationScoped
public class OfflineProvider implements AiProvider {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "offline";
    /** The model name recorded with each step; bump it when the bank or the rules change what a seed tells. */
    public static final String MODEL = "offline-storyteller-1";

    /** Nominal: the storyteller reads no prompt, only the seed and the path. */
    private static final int CONTEXT_TOKENS = 8_192;

    private final Storyteller storyteller;
    private final Frames frames;

    /** Uses the content bank on the classpath, loaded once per JVM; CDI and plain code both use this. */
    public OfflineProvider() {
        this(new Storyteller(ContentBank.shared()));
    }

    OfflineProvider(Storyteller storyteller) {
        this.storyteller = storyteller;
        this.frames = storyteller.frames();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Generation generate(StoryContext context) {
        Narrative narrative = storyteller.tell(context);
        // No self-check here: the chain validates every provider's narrative, this one's included.
        return new Generation(narrative, NAME, MODEL, tokensRead(context), tokensWritten(narrative));
    }

    /** What a model would have read: the running summary and the recent stops. */
    private static int tokensRead(StoryContext context) {
        StringBuilder read = new StringBuilder(context.summary());
        for (PastStop past : context.recent()) {
            read.append(' ').append(past.passage());
            if (past.chosenLabel() != null) {
                read.append(' ').append(past.chosenLabel());
            }
        }
        return Words.tokens(read.toString());
    }

    private static int tokensWritten(Narrative narrative) {
        StringBuilder written =
                new StringBuilder(narrative.passage()).append(' ').append(narrative.summary());
        narrative.choices().forEach(c -> written.append(' ').append(c.label()));
        return Words.tokens(written.toString());
    }

    /**
     * What the storyteller did at each stop of the ride with this seed and path: scenes, encounters, the choices
     * offered and what they change, the ending. The writers' randomtest reads it beside the prose.
     */
    public RideTrace trace(long seed, java.util.List<String> path) {
        return storyteller.trace(seed, path);
    }

    /** What the content bank holds, so a randomtest can name what no ride reached. */
    public RideTrace.Catalogue catalogue() {
        return storyteller.catalogue();
    }

    /** Whether a sentence of a passage is one of the bank's frame sentences (arrivals, weather, the terminus). */
    public boolean isFrame(String sentence) {
        return frames.matches(sentence);
    }

    @Override
    public double estimateCost(int inputTokens, int outputTokens) {
        return 0.0;
    }

    @Override
    public ModelCapabilities capabilities() {
        return new ModelCapabilities(CONTEXT_TOKENS, false, false, Set.of("en"));
    }
}
