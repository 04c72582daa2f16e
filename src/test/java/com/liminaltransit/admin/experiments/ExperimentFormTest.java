package com.liminaltransit.admin.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExperimentFormTest {

    private static final Set<Integer> VERSIONS = Set.of(1, 2);

    @Test
    void aGoodFormAsksForItsVariantsInOrderLeavingBlankRowsOut() {
        ExperimentForm form = ExperimentForm.read(form(Map.of(
                "name", " weights ",
                "variant-0", "A",
                "version-0", "1",
                "weight-0", "1",
                "variant-2", "C",
                "version-2", "2",
                "chain-2", " offline , ",
                "weight-2", "3")));

        ExperimentForm.Checked checked = check(form);

        assertThat(checked.problems()).isEmpty();
        assertThat(form.name()).isEqualTo("weights");
        assertThat(checked.specs())
                .containsExactly(new VariantSpec("A", 1, List.of(), 1), new VariantSpec("C", 2, List.of("offline"), 3));
    }

    @Test
    void everyProblemIsNamedOnceAndNothingIsAskedFor() {
        ExperimentForm form = ExperimentForm.read(form(Map.of(
                "variant-0", "A",
                "version-0", "99999999999999",
                "weight-0", "0",
                "variant-1", "A",
                "version-1", "2",
                "chain-1", "nosuch",
                "weight-1", "1")));

        ExperimentForm.Checked checked = check(form);

        assertThat(checked.specs()).isEmpty();
        assertThat(checked.problems())
                .containsExactly(
                        "Name the experiment (up to 100 characters).",
                        "Variant 1: choose an existing prompt version.",
                        "Variant 1: the weight is a whole number from 1 to 9999.",
                        "Variant 2: the name A is used twice.",
                        "Variant 2: unknown provider nosuch");
    }

    @Test
    void oneVariantIsNotAnExperiment() {
        ExperimentForm form = ExperimentForm.read(
                form(Map.of("name", "lonely", "variant-0", "A", "version-0", "1", "weight-0", "1")));

        assertThat(check(form).problems()).containsExactly("An experiment needs two to four variants.");
    }

    @Test
    void aFreshFormOffersAAndBOnTheGivenVersion() {
        ExperimentForm fresh = ExperimentForm.fresh(7);

        assertThat(fresh.rows()).hasSize(ExperimentForm.MAX_VARIANTS);
        assertThat(fresh.rows().subList(0, 2))
                .containsExactly(new ExperimentForm.Row("A", "7", "", "1"), new ExperimentForm.Row("B", "7", "", "1"));
    }

    private static ExperimentForm.Checked check(ExperimentForm form) {
        return form.check(
                VERSIONS::contains, providers -> providers.contains("nosuch") ? "unknown provider nosuch" : null);
    }

    private static MultivaluedMap<String, String> form(Map<String, String> fields) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        fields.forEach(form::add);
        return form;
    }

    /** Offline is configured alone; "openai" reads the prompt; bank versions 1 to 3 exist, 1 is published. */
    private static final ExperimentForm.Writers WRITERS =
            new ExperimentForm.Writers(List.of("offline"), name -> !name.equals("offline"), v -> v >= 1 && v <= 3, 1);

    @Test
    void variantsOnlyOfflineWritesThatDifferOnlyByPromptVersionAreRefusedSayingWhy() {
        ExperimentForm form = ExperimentForm.read(form(Map.of(
                "name",
                "v1 vs v2",
                "variant-0",
                "A",
                "version-0",
                "1",
                "weight-0",
                "1",
                "variant-1",
                "B",
                "version-1",
                "2",
                "weight-1",
                "1")));

        ExperimentForm.Checked checked = form.check(VERSIONS::contains, chain -> null, WRITERS);

        assertThat(checked.specs()).isEmpty();
        assertThat(checked.problems())
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .startsWith("Variants A and B cannot differ: both are written by offline alone, which reads"
                                + " no prompt (prompt versions 1 and 2 change nothing it writes), from the same content"
                                + " bank version (1)."));
    }

    @Test
    void promptVersionsDifferWhenAModelWritesAndBankVersionsDifferAlways() {
        ExperimentForm prompts = ExperimentForm.read(form(Map.of(
                "name",
                "prompts",
                "variant-0",
                "A",
                "version-0",
                "1",
                "chain-0",
                "openai",
                "weight-0",
                "1",
                "variant-1",
                "B",
                "version-1",
                "2",
                "chain-1",
                "openai",
                "weight-1",
                "1")));
        ExperimentForm banks = ExperimentForm.read(form(Map.of(
                "name",
                "banks",
                "variant-0",
                "A",
                "version-0",
                "1",
                "weight-0",
                "1",
                "variant-1",
                "B",
                "version-1",
                "1",
                "weight-1",
                "1",
                "bank-1",
                "2")));

        assertThat(prompts.check(VERSIONS::contains, chain -> null, WRITERS).problems())
                .isEmpty();
        assertThat(banks.check(VERSIONS::contains, chain -> null, WRITERS).specs())
                .extracting(VariantSpec::bankVersion)
                .containsExactly(null, 2);
    }

    @Test
    void theSameSettingsOnAModelChainAndAnUnknownBankVersionAreRefused() {
        ExperimentForm same = ExperimentForm.read(form(Map.of(
                "name",
                "same",
                "variant-0",
                "A",
                "version-0",
                "1",
                "chain-0",
                "openai",
                "weight-0",
                "1",
                "variant-1",
                "B",
                "version-1",
                "1",
                "chain-1",
                "openai",
                "weight-1",
                "2")));
        ExperimentForm unknown = ExperimentForm.read(form(Map.of(
                "name",
                "unknown",
                "variant-0",
                "A",
                "version-0",
                "1",
                "weight-0",
                "1",
                "variant-1",
                "B",
                "version-1",
                "1",
                "weight-1",
                "1",
                "bank-1",
                "9")));

        assertThat(same.check(VERSIONS::contains, chain -> null, WRITERS).problems())
                .containsExactly(
                        "Variants A and B cannot differ: they have the same prompt version, chain and content bank version.");
        assertThat(unknown.check(VERSIONS::contains, chain -> null, WRITERS).problems())
                .containsExactly("Variant 2: choose an existing content bank version, or none for the published one.");
    }
}
