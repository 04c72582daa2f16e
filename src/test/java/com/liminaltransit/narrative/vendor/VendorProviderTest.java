package com.liminaltransit.narrative.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.CallLedger;
import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.StoryContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VendorProviderTest {

    private static final String GOOD = """
            {"passage": "Rain writes slow letters on the window while the train leans into a long curve.",
             "choices": [{"id": "a", "label": "Read the letters"}, {"id": "b", "label": "Close your eyes"}],
             "ending": false, "summary": "You watch the rain."}""";

    private final CallLedger ledger = new CallLedger();
    private final NarrativeExchange exchange =
            new NarrativeExchange(new PromptBuilder(), ledger, (c, p, m, i, o, usd, r) -> {}, Duration.ZERO);
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    @Test
    void missingSettingsAreNamedInOrderAndSecretsWithTheirEnvironmentVariable() {
        // given
        Stub provider = new Stub(true, Optional.empty(), Optional.empty());

        // when
        List<String> missing = provider.missingSettings();

        // then
        assertThat(missing)
                .containsExactly("liminal.ai.stub.api-key (LIMINAL_AI_STUB_API_KEY)", "liminal.ai.stub.model");
        assertThat(new Stub(true, Optional.of("k"), Optional.of("m")).missingSettings())
                .isEmpty();
    }

    @Test
    void capabilitiesAndModelChoiceAreTheProvidersData() {
        // given
        Stub provider = new Stub(false, Optional.of("k"), Optional.of("m"));

        // then
        assertThat(provider.name()).isEqualTo("stub");
        assertThat(provider.capabilities()).isEqualTo(new ModelCapabilities(1_000, true, false, Set.of("en")));
        assertThat(provider.acceptsModelChoice()).isFalse();
    }

    @Test
    void clientIsOpenedOnTheFirstCallOnlyAndClosedWithTheBean() {
        // given
        Stub provider = new Stub(true, Optional.of("k"), Optional.of("configured"));
        assertThat(opened).hasValue(0);

        // when
        provider.generateUnguarded(context(null));
        provider.generateUnguarded(context(null));
        provider.closeClient();

        // then
        assertThat(opened).hasValue(1);
        assertThat(closed).hasValue(1);
    }

    @Test
    void aCallAsksTheChosenModelOnlyWhereTheProviderAcceptsAChoice() {
        // given
        Stub choosing = new Stub(true, Optional.of("k"), Optional.of("configured"));
        Stub fixed = new Stub(false, Optional.of("k"), Optional.of("configured"));

        // when
        Generation chosen = choosing.generateUnguarded(context("other"));
        fixed.generateUnguarded(context("other"));

        // then
        assertThat(choosing.asked).containsExactly("other");
        assertThat(chosen.model()).isEqualTo("other");
        assertThat(fixed.asked).containsExactly("configured");
    }

    private StoryContext context(String model) {
        StoryContext context = StoryContext.boarding("ride", 7L, "en").withModel(model);
        ledger.open(context);
        return context;
    }

    /** A vendor whose client is a counter. */
    private final class Stub extends VendorProvider<AutoCloseable> {

        final List<String> asked = new ArrayList<>();
        private final boolean modelChoice;

        Stub(boolean modelChoice, Optional<String> key, Optional<String> model) {
            super(
                    Profile.of(
                            "stub",
                            model,
                            new ModelCapabilities(1_000, true, false, Set.of("en")),
                            Setting.secret("liminal.ai.stub.api-key", key),
                            Setting.of("liminal.ai.stub.model", model)),
                    exchange,
                    null,
                    () -> {
                        opened.incrementAndGet();
                        return closed::incrementAndGet;
                    });
            this.modelChoice = modelChoice;
        }

        @Override
        public boolean acceptsModelChoice() {
            return modelChoice;
        }

        @Override
        public Generation generate(StoryContext context) {
            return generateUnguarded(context);
        }

        @Override
        protected Reply send(AutoCloseable client, String model, Conversation conversation) {
            asked.add(model);
            return Reply.text(GOOD, model, 10, 20);
        }
    }
}
