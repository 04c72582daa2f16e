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
}
