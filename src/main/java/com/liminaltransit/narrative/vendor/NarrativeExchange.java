package com.liminaltransit.narrative.vendor;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.NarrativeJson;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.QuotaExhaustedException;
import com.liminaltransit.narrative.RateLimitedException;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.ValidationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
    private final Duration retryAfterCap;

    /**
     * @param retryAfterCap longest {@code Retry-After} a step waits for ({@code liminal.ai.retry-after-cap})
     */
    @Inject
    public NarrativeExchange(
            PromptBuilder prompts,
            CallLedger ledger,
            @ConfigProperty(name = "liminal.ai.retry-after-cap", defaultValue = "2s") Duration retryAfterCap) {
        this.prompts = prompts;
        this.ledger = ledger;
        this.retryAfterCap = retryAfterCap;
    }

    /** One call to a vendor with a conversation; throws our exception types only. */
    @FunctionalInterface
    public interface Vendor {
        /** Sends the conversation and returns the model's answer. */
        Reply send(Conversation conversation);
    }

    /**
     * Writes the stop {@code context} asks for with {@code vendor}, validated by {@code provider}.
     *
     * @throws InvalidNarrativeException when both the answer and the repaired answer break the contract
     * @throws NarrativeException        (a subclass) when the vendor call fails
     */
    public Generation write(AiProvider provider, StoryContext context, Vendor vendor) {
        Conversation conversation = prompts.build(context);
        Reply first = call(vendor, conversation, context);
        String complaint = complaint(provider, first);
        if (complaint == null) {
            return generation(provider, first, 0, 0);
        }
        Reply second = call(vendor, conversation.followedBy(first.text(), prompts.repair(complaint)), context);
        String again = complaint(provider, second);
        if (again != null) {
            throw new InvalidNarrativeException(again);
        }
        return generation(provider, second, first.inputTokens(), first.outputTokens());
    }

    private static Generation generation(AiProvider provider, Reply reply, int earlierIn, int earlierOut) {
        Narrative narrative = parse(reply);
        return new Generation(
                narrative,
                provider.name(),
                reply.model(),
                earlierIn + reply.inputTokens(),
                earlierOut + reply.outputTokens());
    }

    /** The validator's complaint about a reply, or {@code null} when it is a valid narrative. */
    private static String complaint(AiProvider provider, Reply reply) {
        try {
            ValidationResult verdict = provider.validate(parse(reply));
            return verdict.valid() ? null : verdict.complaint();
        } catch (InvalidNarrativeException e) {
            return e.getMessage();
        }
    }

    private static Narrative parse(Reply reply) {
        return reply.structured() != null
                ? NarrativeJson.fromObject(reply.structured())
                : NarrativeJson.parse(reply.text());
    }

    private Reply call(Vendor vendor, Conversation conversation, StoryContext context) {
        ledger.count(context);
        try {
            return vendor.send(conversation);
        } catch (RateLimitedException e) {
            throw honour(e);
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
