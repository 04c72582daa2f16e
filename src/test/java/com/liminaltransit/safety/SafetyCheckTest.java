package com.liminaltransit.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How the layers make one verdict: rules first, classifiers that cover the language, fail closed where none does,
 * and the on-unavailable policy. The classifiers here are doubles of the {@link Classifier} interface; their wire
 * formats are tested against the real SDK in {@code ComprehendWireIT} and {@code GuardrailWireIT}.
 */
class SafetyCheckTest {

    private static final List<TextPart> CALM = List.of(
            new TextPart("passage", "The lamps sway over the empty seats as the night train leaves the station."),
            new TextPart("choice a", "Sit by the window"),
            new TextPart("summary", "You boarded."));
    private static final List<TextPart> WITH_EMAIL = List.of(
            new TextPart("passage", "A note on the seat says: write to ruth@example.com before dawn."),
            new TextPart("summary", "You found a note."));

    private final Recording metrics = new Recording();

    @Test
    void rulesAloneShowTextThatPassesThemInALanguageWithWordRules() {
        SafetyCheck check = check(List.of(Layer.RULES), OnUnavailable.OFFLINE);
        assertThat(check.check("fr", CALM).decision()).isEqualTo(SafetyVerdict.Decision.ALLOW);
        assertThat(metrics.events).contains("checked rules fr pass");
    }

    @Test
    void aRuleBlocksWithoutAskingAnyClassifier() {
        Fake comprehend = new Fake(Layer.COMPREHEND, Set.of("en"));
        SafetyCheck check = check(List.of(Layer.RULES, Layer.COMPREHEND), OnUnavailable.OFFLINE, comprehend);

        SafetyVerdict verdict = check.check("en", WITH_EMAIL);

        assertThat(verdict.decision()).isEqualTo(SafetyVerdict.Decision.BLOCK);
        assertThat(verdict.findings()).containsExactly(new Finding(Layer.RULES, "email", 1.0, "passage"));
        assertThat(verdict.reason()).isEqualTo("rules: email (passage)");
        assertThat(comprehend.calls).hasValue(0);
        assertThat(metrics.events).contains("blocked rules email en");
    }

    @Test
    void aLanguageNoConfiguredClassifierCoversFailsClosed() {
        Fake comprehend = new Fake(Layer.COMPREHEND, Set.of("en"));
        SafetyCheck check = check(List.of(Layer.RULES, Layer.COMPREHEND), OnUnavailable.ALLOW_RULES_ONLY, comprehend);

        SafetyVerdict verdict = check.check("ja", CALM);

        assertThat(verdict.decision()).isEqualTo(SafetyVerdict.Decision.FAIL_CLOSED);
        assertThat(verdict.reason()).isEqualTo("no configured classifier covers ja");
        assertThat(comprehend.calls).hasValue(0);
        assertThat(metrics.events).contains("failed-closed ja uncovered");
    }

    @Test
    void aLanguageWithoutWordRulesFailsClosedWhenRulesAreTheOnlyLayer() {
        SafetyCheck check = check(List.of(Layer.RULES), OnUnavailable.OFFLINE);
        assertThat(check.check("pt-BR", CALM).reason()).isEqualTo("no word rules for pt");
    }

    @Test
    void aClassifierFindingBlocksWithItsScore() {
        Fake guardrail = new Fake(Layer.GUARDRAIL, Set.of("en", "ja"))
                .finding(new Finding(Layer.GUARDRAIL, "hate", 0.66, "text"));
        SafetyCheck check = check(List.of(Layer.RULES, Layer.GUARDRAIL), OnUnavailable.OFFLINE, guardrail);

        SafetyVerdict verdict = check.check("ja", CALM);

        assertThat(verdict.decision()).isEqualTo(SafetyVerdict.Decision.BLOCK);
        assertThat(verdict.reason()).isEqualTo("guardrail: hate 0.66 (text)");
        assertThat(verdict.checkedBy()).containsExactly(Layer.RULES, Layer.GUARDRAIL);
    }

    @Test
    void anUnavailableClassifierFailsClosedByDefault() {
        Fake comprehend = new Fake(Layer.COMPREHEND, Set.of("en")).down("throttled");
        SafetyCheck check = check(List.of(Layer.RULES, Layer.COMPREHEND), OnUnavailable.OFFLINE, comprehend);

        SafetyVerdict verdict = check.check("en", CALM);

        assertThat(verdict.decision()).isEqualTo(SafetyVerdict.Decision.FAIL_CLOSED);
        assertThat(verdict.reason()).isEqualTo("unavailable: comprehend (throttled)");
        assertThat(metrics.events).contains("checked comprehend en unavailable", "failed-closed en unavailable");
    }

    @Test
    void anUnavailableClassifierLetsTheRulesDecideWhenAllowedRulesOnly() {
        Fake comprehend = new Fake(Layer.COMPREHEND, Set.of("en")).down("timed out");
        SafetyCheck check = check(List.of(Layer.RULES, Layer.COMPREHEND), OnUnavailable.ALLOW_RULES_ONLY, comprehend);

        SafetyVerdict verdict = check.check("en", CALM);

        assertThat(verdict.decision()).isEqualTo(SafetyVerdict.Decision.ALLOW);
        assertThat(verdict.unavailable()).containsExactly("comprehend (timed out)");
    }

    @Test
    void anyFailureOfAClassifierCountsAsUnavailableNeverAsThePlayersError() {
        Fake guardrail = new Fake(Layer.GUARDRAIL, Set.of("en")).broken();
        SafetyCheck check = check(List.of(Layer.RULES, Layer.GUARDRAIL), OnUnavailable.OFFLINE, guardrail);
        assertThat(check.check("en", CALM).decision()).isEqualTo(SafetyVerdict.Decision.FAIL_CLOSED);
    }

    @Test
    void twoClassifiersAreAskedAtOnceAndEitherBlocks() {
        Fake comprehend = new Fake(Layer.COMPREHEND, Set.of("en"));
        Fake guardrail = new Fake(Layer.GUARDRAIL, Set.of("en"))
                .finding(new Finding(Layer.GUARDRAIL, "topic:self-harm", 1.0, "text"));
        SafetyCheck check = check(
                List.of(Layer.RULES, Layer.COMPREHEND, Layer.GUARDRAIL), OnUnavailable.OFFLINE, comprehend, guardrail);

        SafetyVerdict verdict = check.check("en", CALM);

        assertThat(verdict.decision()).isEqualTo(SafetyVerdict.Decision.BLOCK);
        assertThat(verdict.categories()).containsExactly("topic:self-harm");
        // each ran on a thread of its own, not one after the other on the step's thread
        assertThat(comprehend.threads)
                .hasSize(1)
                .doesNotContainAnyElementsOf(guardrail.threads)
                .doesNotContain(Long.toString(Thread.currentThread().threadId()));
    }

    @Test
    void authoredTextIsJudgedByTheRulesAloneAndNeverFailsClosed() {
        Fake comprehend = new Fake(Layer.COMPREHEND, Set.of("en"));
        SafetyCheck check = check(List.of(Layer.RULES, Layer.COMPREHEND), OnUnavailable.OFFLINE, comprehend);

        assertThat(check.checkAuthored("ja", CALM).decision()).isEqualTo(SafetyVerdict.Decision.ALLOW);
        assertThat(check.checkAuthored("en", WITH_EMAIL).decision()).isEqualTo(SafetyVerdict.Decision.BLOCK);
        assertThat(comprehend.calls).hasValue(0);
    }

    @Test
    void theCoverageTableSaysWhatHappensInEachOfferedLanguage() {
        Fake comprehend = new Fake(Layer.COMPREHEND, Set.of("en"));
        Fake guardrail = new Fake(Layer.GUARDRAIL, Set.of("en", "es", "fr"));
        SafetyCheck check = new SafetyCheck(
                List.of(Layer.RULES, Layer.COMPREHEND),
                OnUnavailable.OFFLINE,
                List.of("en", "es", "ja"),
                List.of(comprehend, guardrail),
                metrics);

        List<CoverageRow> rows = check.coverage();

        assertThat(rows).extracting(CoverageRow::language).containsExactly("en", "es", "ja");
        assertThat(rows.get(0).cells())
                .extracting(CoverageRow.Cell::state)
                .containsExactly("checks", "checks", "not configured (would cover)");
        assertThat(rows.get(0).outcome()).startsWith("shown when rules and comprehend pass it");
        assertThat(rows.get(2).cells())
                .extracting(CoverageRow.Cell::state)
                .containsExactly("checks", "configured, does not cover", "not configured");
        assertThat(rows.get(2).outcome()).startsWith("fail closed");
    }

    @Test
    void settingsThatCannotWorkStopTheServer() {
        assertThatThrownBy(() -> SafetyCheck.layers(List.of("rules", "perspective")))
                .hasMessageContaining("'perspective'");
        assertThatThrownBy(() -> SafetyCheck.layers(List.of(" "))).hasMessageContaining("no check");
        assertThatThrownBy(() -> SafetyCheck.policy("maybe")).hasMessageContaining("liminal.safety.on-unavailable");
        assertThatThrownBy(() -> check(List.of(Layer.COMPREHEND), OnUnavailable.ALLOW_RULES_ONLY))
                .hasMessageContaining("allow-rules-only needs rules");
        Fake unconfigured = new Fake(Layer.GUARDRAIL, Set.of("en")).missing("liminal.safety.guardrail.id");
        assertThatThrownBy(() -> check(List.of(Layer.RULES, Layer.GUARDRAIL), OnUnavailable.OFFLINE, unconfigured))
                .hasMessageContaining("liminal.safety.guardrail.id");
    }

    private SafetyCheck check(List<Layer> layers, OnUnavailable policy, Classifier... classifiers) {
        return new SafetyCheck(layers, policy, List.of("en", "es", "fr", "de", "ja"), List.of(classifiers), metrics);
    }

    /** A classifier double: answers what it is told, counts calls and the threads they ran on. */
    private static final class Fake implements Classifier {
        private final Layer layer;
        private final Set<String> languages;
        private final List<Finding> findings = new ArrayList<>();
        private final AtomicInteger calls = new AtomicInteger();
        private final List<String> threads = new CopyOnWriteArrayList<>();
        private List<String> missing = List.of();
        private String down;
        private boolean broken;

        Fake(Layer layer, Set<String> languages) {
            this.layer = layer;
            this.languages = languages;
        }

        Fake finding(Finding finding) {
            findings.add(finding);
            return this;
        }

        Fake down(String why) {
            this.down = why;
            return this;
        }

        Fake broken() {
            this.broken = true;
            return this;
        }

        Fake missing(String key) {
            this.missing = List.of(key);
            return this;
        }

        @Override
        public Layer layer() {
            return layer;
        }

        @Override
        public Set<String> languages() {
            return languages;
        }

        @Override
        public List<String> missingSettings() {
            return missing;
        }

        @Override
        public List<Finding> classify(String language, List<TextPart> parts) {
            calls.incrementAndGet();
            threads.add(Long.toString(Thread.currentThread().threadId()));
            if (down != null) {
                throw new ClassifierUnavailableException(layer, down);
            }
            if (broken) {
                throw new IllegalStateException("client could not be built");
            }
            return List.copyOf(findings);
        }
    }

    /** Metrics that write down what they are told. */
    private static final class Recording extends SafetyMetrics {
        final List<String> events = new CopyOnWriteArrayList<>();

        Recording() {
            super(null, Optional.empty());
        }

        @Override
        void checked(Layer layer, String language, String result) {
            events.add("checked " + layer.code() + " " + language + " " + result);
        }

        @Override
        void blocked(Layer layer, String category, String language) {
            events.add("blocked " + layer.code() + " " + category + " " + language);
        }

        @Override
        void failedClosed(String language, String reason) {
            events.add("failed-closed " + language + " " + reason);
        }

        @Override
        void timed(String layer, Duration took) {
            events.add("timed " + layer);
        }
    }
}
