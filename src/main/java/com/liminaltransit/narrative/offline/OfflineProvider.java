package com.liminaltransit.narrative.offline;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.ContentPlan;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.PastStop;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.StreamedAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * A storyteller that needs no network, no key and no money, so it is the default and the last link of every
 * chain: a ride never dead-ends. It writes from a content bank (the one shipped on the classpath, or a version the
 * writers saved, named by the ride's {@link ContentPlan}) and is deterministic for a ride's seed, path, bank version
 * and "seen" memory, which also lets it take over a ride that another provider began. It reads no prompt: a prompt
 * version cannot change what it writes.
 */
@ApplicationScoped
public class OfflineProvider implements AiProvider {

    /** The name used in {@code liminal.ai.chain}. */
    public static final String NAME = "offline";
    /** The model name recorded with each step; bump it when the rules change what a seed tells. */
    public static final String MODEL = "offline-storyteller-2";

    private static final Logger LOG = Logger.getLogger(OfflineProvider.class.getName());
    /** Nominal: the storyteller reads no prompt, only the seed and the path. */
    private static final int CONTEXT_TOKENS = 8_192;
    /** Bank versions kept loaded (a version is a few hundred kilobytes of prose). */
    private static final int LOADED = 12;

    private static final PassageCloser CLOSER = new PassageCloser();

    private final Storyteller shipped;
    private final FrameSentences shippedFrames;
    private final Instance<BankVersions> versions;
    private final Map<Integer, Storyteller> loaded = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Storyteller> eldest) {
            return size() > LOADED;
        }
    });

    /** Uses the content bank on the classpath alone (tests, tools, the command-line randomtest). */
    public OfflineProvider() {
        this(new Storyteller(ContentBank.shared()), null);
    }

    /** Uses the classpath bank, and the writers' saved versions when a ride names one. */
    @Inject
    public OfflineProvider(Instance<BankVersions> versions) {
        this(new Storyteller(ContentBank.shared()), versions);
    }

    OfflineProvider(Storyteller storyteller) {
        this(storyteller, null);
    }

    private OfflineProvider(Storyteller storyteller, Instance<BankVersions> versions) {
        this.shipped = storyteller;
        this.shippedFrames = storyteller.frames();
        this.versions = versions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Generation generate(StoryContext context) {
        Storyteller.Told told = teller(context.content()).tell(context);
        // No self-check here: the chain validates every provider's narrative, this one's included.
        return new Generation(
                told.narrative(), NAME, MODEL, tokensRead(context), tokensWritten(told.narrative()), told.seen());
    }

    /**
     * Streams nothing of its own (it writes at once), but can always close a passage a model began: when the player
     * has read part of this stop, the passage is that part and a closing sentence in the ride's language, with choices
     * that suit any scene, or the terminus where this ride would end ({@link PassageCloser}).
     */
    @Override
    public Generation generateStreaming(StoryContext context, StreamedAnswer stream) {
        if (stream.passageSoFar().isEmpty()) {
            return generate(context);
        }
        boolean ending = teller(context.content()).tell(context).narrative().ending();
        Narrative closed = CLOSER.close(context, stream.passageSoFar(), ending);
        return new Generation(closed, NAME, MODEL, tokensRead(context), tokensWritten(closed));
    }

    /**
     * What the storyteller did at each stop of the ride with this seed and path: scenes, encounters, the choices
     * offered and what they change, the thread, the ending. The writers' randomtest reads it beside the prose.
     */
    public RideTrace trace(long seed, List<String> path, ContentPlan plan) {
        return teller(plan).trace(seed, path, new HashSet<>(plan.seen()));
    }

    /** {@link #trace(long, List, ContentPlan)} on the shipped bank for a player with nothing read. */
    public RideTrace trace(long seed, List<String> path) {
        return trace(seed, path, ContentPlan.SHIPPED);
    }

    /** What a content bank holds, so a randomtest can name what no ride reached. */
    public RideTrace.Catalogue catalogue(ContentPlan plan) {
        return teller(plan).catalogue();
    }

    /** What the shipped content bank holds. */
    public RideTrace.Catalogue catalogue() {
        return shipped.catalogue();
    }

    /** Which sentences of a passage are the bank's frames (arrivals, the run between stations, weather, the end). */
    public Predicate<String> frames(ContentPlan plan) {
        FrameSentences frames =
                plan.bankVersion() == null ? shippedFrames : teller(plan).frames();
        return frames::matches;
    }

    /** Whether a sentence is one of the shipped bank's frame sentences. */
    public boolean isFrame(String sentence) {
        return shippedFrames.matches(sentence);
    }

    /** The storyteller of a ride's bank version (the shipped one when it names none, or none that can be found). */
    private Storyteller teller(ContentPlan plan) {
        Integer version = plan.bankVersion();
        if (version == null || versions == null || versions.isUnsatisfied()) {
            return shipped;
        }
        Storyteller known = loaded.get(version);
        if (known != null) {
            return known;
        }
        Optional<BankText> text = versions.get().find(version);
        if (text.isEmpty()) {
            LOG.warning(() -> "Content bank version " + version + " is missing: writing from the shipped bank");
            return shipped;
        }
        Storyteller teller = new Storyteller(ContentBankLoader.load(text.get()));
        loaded.put(version, teller);
        return teller;
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

    private static int tokensWritten(com.liminaltransit.narrative.Narrative narrative) {
        StringBuilder written =
                new StringBuilder(narrative.passage()).append(' ').append(narrative.summary());
        narrative.choices().forEach(c -> written.append(' ').append(c.label()));
        return Words.tokens(written.toString());
    }

    @Override
    public double estimateCost(int inputTokens, int outputTokens) {
        return 0.0;
    }

    @Override
    public ModelCapabilities capabilities() {
        return new ModelCapabilities(CONTEXT_TOKENS, false, false, Set.of("en"));
    }

    /** The offline storyteller reads no prompt: a prompt version cannot change what it writes. */
    @Override
    public boolean readsPrompts() {
        return false;
    }

    /** Every problem of a content bank, each naming its part and place; empty when the bank can be used. */
    public static List<String> problems(BankText bank) {
        return ContentBankLoader.problems(bank);
    }
}
