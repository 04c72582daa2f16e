package com.liminaltransit.narrative.vendor;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.CallOutcome;
import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.NarrativeJson;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.ProviderTimeoutException;
import com.liminaltransit.narrative.QuotaExhaustedException;
import com.liminaltransit.narrative.RateLimitedException;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.StreamedAnswer;
import com.liminaltransit.narrative.ValidationResult;
import com.liminaltransit.narrative.VendorCalls;
import com.liminaltransit.narrative.stream.StallWatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The part every model provider shares: build the prompt, call the vendor, find and validate the narrative, and on
 * a bad answer ask once more with the validator's complaint; a second bad answer is an
 * {@link InvalidNarrativeException}. It also honours a short {@code Retry-After} before a 429 goes up to the
 * provider's {@code @Retry}, and turns a long one into a {@link QuotaExhaustedException}.
 */
@ApplicationScoped
public class NarrativeExchange {

    private final PromptBuilder prompts;
    private final CallLedger ledger;
    private final VendorCalls calls;
    private final PriceTable prices;
    private final Duration retryAfterCap;
    private final int minStopsBeforeEnding;
    private final Duration stallTimeout;

    /**
     * @param calls         where every vendor call is billed as it ends (the spend ledger), valid or not
     * @param retryAfterCap longest {@code Retry-After} a step waits for ({@code liminal.ai.retry-after-cap})
     */
    @Inject
    public NarrativeExchange(
            PromptBuilder prompts,
            CallLedger ledger,
            VendorCalls calls,
            PriceTable prices,
            @ConfigProperty(name = "liminal.ai.retry-after-cap", defaultValue = "2s") Duration retryAfterCap,
            @ConfigProperty(
                            name = NarrativeValidator.MIN_STOPS_BEFORE_ENDING_KEY,
                            defaultValue = "" + NarrativeValidator.DEFAULT_MIN_STOPS_BEFORE_ENDING)
                    int minStopsBeforeEnding,
            @ConfigProperty(name = "liminal.stream.stall-timeout", defaultValue = "6s") Duration stallTimeout) {
        this.prompts = prompts;
        this.stallTimeout = stallTimeout;
        this.ledger = ledger;
        this.calls = calls;
        this.prices = prices;
        this.retryAfterCap = retryAfterCap;
        this.minStopsBeforeEnding = minStopsBeforeEnding;
    }

    /**
     * An exchange outside the container (live vendor tests, unit tests): calls are billed to {@code calls}, priced
     * from the configuration on the class path, and the ending minimum is the default.
     */
    public NarrativeExchange(PromptBuilder prompts, CallLedger ledger, VendorCalls calls, Duration retryAfterCap) {
        this(
                prompts,
                ledger,
                calls,
                new PriceTable(ConfigProvider.getConfig()),
                retryAfterCap,
                NarrativeValidator.DEFAULT_MIN_STOPS_BEFORE_ENDING,
                Duration.ofSeconds(6));
    }

    /** One call to a vendor with a conversation; throws our exception types only. */
    @FunctionalInterface
    public interface Vendor {
        /** Sends the conversation and returns the model's answer. */
        Reply send(Conversation conversation);
    }

    /**
     * Writes the stop {@code context} asks for with {@code vendor} and {@code model}, validated by {@code provider}.
     * Every vendor call is billed as it ends (valid, invalid or failed), so the budget sees what the vendor is paid.
     *
     * @throws InvalidNarrativeException when both the answer and the repaired answer break the contract
     * @throws NarrativeException        (a subclass) when the vendor call fails
     */
    public Generation write(AiProvider provider, StoryContext context, String model, Vendor vendor) {
        Conversation conversation = prompts.build(context);
        Reply first = call(provider, model, vendor, conversation, context);
        String complaint = complaint(provider, context, first);
        bill(provider, model, context, first, complaint);
        if (complaint == null) {
            return generation(provider, model, first, 0, 0);
        }
        Reply second = call(
                provider, model, vendor, conversation.followedBy(first.text(), prompts.repair(complaint)), context);
        String again = complaint(provider, context, second);
        bill(provider, model, context, second, again);
        if (again != null) {
            throw new InvalidNarrativeException(again);
        }
        return generation(provider, model, second, first.inputTokens(), first.outputTokens());
    }

    /** One streamed call to a vendor; throws our exception types only, and whatever {@code text} throws. */
    @FunctionalInterface
    public interface StreamingVendor {
        /** Sends the conversation, handing each piece of the answer's text to {@code text} as it arrives. */
        Reply send(Conversation conversation, Consumer<String> text);
    }

    /**
     * Writes the stop {@code context} asks for as a stream: one call asking for the streaming shape (continuing
     * {@link StreamedAnswer#passageSoFar()} when an earlier link was cut off), its text handed to {@code stream} as
     * it arrives, so each checked sentence is shown at once. No repair turn: the player may have read part of the
     * answer already, so a bad one is this provider's failure and the next link continues from what was shown. A
     * stream silent for {@code liminal.stream.stall-timeout} is cut off as a {@link ProviderTimeoutException}.
     * The call is billed once as it ends; one cut off is billed for the tokens it sent, estimated from its text.
     */
    public Generation writeStreaming(
            AiProvider provider, StoryContext context, String model, StreamedAnswer stream, StreamingVendor vendor) {
        Conversation conversation = prompts.buildStreamed(context, stream.passageSoFar());
        ledger.count(context);
        Reply reply = null;
        RuntimeException failure = null;
        StallWatch watch = StallWatch.over(stallTimeout);
        try {
            reply = vendor.send(conversation, piece -> {
                watch.touch();
                stream.accept(piece);
            });
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            watch.close(); // clears the watch's interrupt before anything touches the database
        }
        if (failure != null) {
            billCutOff(provider, model, context, conversation, stream);
            if (watch.fired()) {
                throw new ProviderTimeoutException(
                        provider.name() + "'s stream was silent for " + stallTimeout.toMillis() + " ms", failure);
            }
            throw failure;
        }
        Narrative narrative;
        try {
            narrative = stream.finish();
        } catch (InvalidNarrativeException e) {
            bill(provider, model, context, reply, e.getMessage());
            throw e;
        }
        ValidationResult verdict = provider.validate(narrative)
                .and(NarrativeValidator.checkEnding(narrative, context.stop(), minStopsBeforeEnding));
        bill(provider, model, context, reply, verdict.valid() ? null : verdict.complaint());
        return new Generation(
                narrative,
                provider.name(),
                NarrativeValidator.modelNameOr(reply.model(), model),
                Math.max(0, reply.inputTokens()),
                Math.max(0, reply.outputTokens()) > 0
                        ? reply.outputTokens()
                        : PromptBuilder.estimateTokens(stream.received()));
    }

    /** A stream cut off (a reset, a stall, a refused sentence): billed for what it sent, as estimated. */
    private void billCutOff(
            AiProvider provider, String model, StoryContext context, Conversation conversation, StreamedAnswer stream) {
        int in = PromptBuilder.estimateTokens(conversation.system() + conversation.asPlainPrompt());
        int out = PromptBuilder.estimateTokens(stream.received());
        calls.paid(context, provider.name(), model, in, out, prices.cost(model, in, out), CallOutcome.FAILED);
    }

    private static Generation generation(
            AiProvider provider, String model, Reply reply, int earlierIn, int earlierOut) {
        Narrative narrative = parse(reply);
        return new Generation(
                narrative,
                provider.name(),
                // the vendor's own name for the model is stored; one that cannot be stored falls back to the asked one
                NarrativeValidator.modelNameOr(reply.model(), model),
                Math.max(0, earlierIn) + Math.max(0, reply.inputTokens()),
                Math.max(0, earlierOut) + Math.max(0, reply.outputTokens()));
    }

    /** The validator's complaint about a reply, or {@code null} when it is a valid narrative for this stop. */
    private String complaint(AiProvider provider, StoryContext context, Reply reply) {
        try {
            Narrative narrative = parse(reply);
            ValidationResult verdict = provider.validate(narrative)
                    .and(NarrativeValidator.checkEnding(narrative, context.stop(), minStopsBeforeEnding));
            return verdict.valid() ? null : verdict.complaint();
        } catch (InvalidNarrativeException e) {
            return e.getMessage();
        }
    }

    /** One call answered: what it cost goes on the spend ledger, whether the answer is used or not. */
    private void bill(AiProvider provider, String model, StoryContext context, Reply reply, String complaint) {
        int in = Math.max(0, reply.inputTokens());
        int out = Math.max(0, reply.outputTokens());
        calls.paid(
                context,
                provider.name(),
                model,
                in,
                out,
                prices.cost(model, in, out),
                complaint == null ? CallOutcome.VALID : CallOutcome.INVALID);
    }

    private static Narrative parse(Reply reply) {
        return reply.structured() != null
                ? NarrativeJson.fromObject(reply.structured())
                : NarrativeJson.parse(reply.text());
    }

    private Reply call(
            AiProvider provider, String model, Vendor vendor, Conversation conversation, StoryContext context) {
        ledger.count(context);
        try {
            return vendor.send(conversation);
        } catch (NarrativeException e) {
            // No usable reply: a vendor may still bill a call it answered badly or late; we record it at no cost.
            calls.paid(context, provider.name(), model, 0, 0, 0, CallOutcome.FAILED);
            throw e instanceof RateLimitedException limited ? honour(limited) : e;
        }
    }

    /** Waits out a short {@code Retry-After} so the retry that follows is welcome; refuses a long one. */
    private RuntimeException honour(RateLimitedException e) {
        Duration wait = e.retryAfter().orElse(Duration.ZERO);
        if (wait.compareTo(retryAfterCap) > 0) {
            return new QuotaExhaustedException(
                    e.getMessage() + ", longer than the " + retryAfterCap.toMillis() + " ms a step may wait");
        }
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException interrupted) {
                // The step's @Timeout fired: keep the flag and fail, never carry on as if nothing happened.
                Thread.currentThread().interrupt();
                return new NarrativeException("interrupted while honouring Retry-After", interrupted);
            }
        }
        return e;
    }
}
