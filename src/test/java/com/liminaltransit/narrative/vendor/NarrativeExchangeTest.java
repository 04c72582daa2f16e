package com.liminaltransit.narrative.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.CallOutcome;
import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.QuotaExhaustedException;
import com.liminaltransit.narrative.RateLimitedException;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.RetryableNarrativeException;
import com.liminaltransit.narrative.StoryContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NarrativeExchangeTest {

    private static final String GOOD = """
            {"passage": "Rain writes slow letters on the window while the train leans into a long curve.",
             "choices": [{"id": "a", "label": "Read the letters"}, {"id": "b", "label": "Close your eyes"}],
             "ending": false, "summary": "You watch the rain."}""";
    private static final String ONE_CHOICE = """
            {"passage": "Rain writes slow letters on the window while the train leans into a long curve.",
             "choices": [{"id": "a", "label": "Read the letters"}], "ending": false, "summary": "s"}""";

    private final CallLedger ledger = new CallLedger();
    private final List<CallOutcome> billed = new ArrayList<>();
    private final NarrativeExchange exchange = new NarrativeExchange(
            new PromptBuilder(),
            ledger,
            (c, p, m, in, out, usd, outcome) -> billed.add(outcome),
            Duration.ofMillis(300));
    private final StoryContext context = StoryContext.boarding("ride", 7L, "en");
    private final List<Conversation> sent = new ArrayList<>();

    NarrativeExchangeTest() {
        ledger.open(context);
    }

    @Test
    void validAnswerIsReturnedAfterOneCall() {
        // given
        NarrativeExchange.Vendor vendor = answering(GOOD);
        // when
        Generation generation = exchange.write(provider(), context, "stub-model", vendor);
        // then
        assertThat(generation.narrative().choices()).hasSize(2);
        assertThat(generation.inputTokens()).isEqualTo(100);
        assertThat(ledger.take(context)).isEqualTo(1);
    }

    @Test
    void invalidAnswerIsRetriedOnceWithTheComplaint() {
        // given a model that first breaks the contract, then keeps it
        NarrativeExchange.Vendor vendor = answering(ONE_CHOICE, GOOD);
        // when
        Generation generation = exchange.write(provider(), context, "stub-model", vendor);
        // then
        assertThat(generation.narrative().choices()).hasSize(2);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).turns()).hasSize(3);
        assertThat(sent.get(1).turns().get(2).text()).contains("offer 2 to 4 choices, not 1");
        assertThat(generation.inputTokens()).isEqualTo(200);
        assertThat(billed)
                .as("both calls are paid for, the refused one too")
                .containsExactly(CallOutcome.INVALID, CallOutcome.VALID);
        assertThat(ledger.take(context)).isEqualTo(2);
    }

    @Test
    void secondInvalidAnswerIsAnInvalidNarrative() {
        // given
        NarrativeExchange.Vendor vendor = answering("no json at all", ONE_CHOICE);
        // when / then
        assertThatThrownBy(() -> exchange.write(provider(), context, "stub-model", vendor))
                .isInstanceOf(InvalidNarrativeException.class)
                .hasMessageContaining("choices");
        assertThat(sent).hasSize(2);
    }

    @Test
    void shortRetryAfterIsWaitedOutBeforeTheRetry() {
        // given
        NarrativeExchange.Vendor vendor = c -> {
            throw new RateLimitedException("429", Duration.ofMillis(200));
        };
        long started = System.nanoTime();
        // when / then
        assertThatThrownBy(() -> exchange.write(provider(), context, "stub-model", vendor))
                .isInstanceOf(RateLimitedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void retryAfterBeyondTheCapMovesOnAtOnce() {
        // given
        NarrativeExchange.Vendor vendor = c -> {
            throw new RateLimitedException("429", Duration.ofSeconds(60));
        };
        long started = System.nanoTime();
        // when / then
        assertThatThrownBy(() -> exchange.write(provider(), context, "stub-model", vendor))
                .isInstanceOf(QuotaExhaustedException.class)
                .isNotInstanceOf(RetryableNarrativeException.class);
        // "at once": far under the 60 s asked for, with room for a loaded CI machine
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void interruptWhileWaitingKeepsTheFlagAndFails() {
        // given
        NarrativeExchange.Vendor vendor = c -> {
            throw new RateLimitedException("429", Duration.ofMillis(250));
        };
        Thread.currentThread().interrupt();
        // when / then
        try {
            assertThatThrownBy(() -> exchange.write(provider(), context, "stub-model", vendor))
                    .isInstanceOf(NarrativeException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private NarrativeExchange.Vendor answering(String... replies) {
        Deque<String> queue = new ArrayDeque<>(List.of(replies));
        return conversation -> {
            sent.add(conversation);
            return Reply.text(queue.removeFirst(), "model-1", 100, 50);
        };
    }

    private static AiProvider provider() {
        return new AiProvider() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Generation generate(StoryContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double estimateCost(int inputTokens, int outputTokens) {
                return 0;
            }

            @Override
            public ModelCapabilities capabilities() {
                return new ModelCapabilities(0, false, false, Set.of());
            }
        };
    }
}
