package com.liminaltransit.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line's custom terminology: in step with the content bank, one term in each language per row. */
class TerminologyTest {

    @Test
    void theShippedCsvIsTheOneTheContentBankMakes() throws IOException {
        try (InputStream in = Terminology.class.getClassLoader().getResourceAsStream(Terminology.RESOURCE)) {
            assertThat(in).as("regenerate it with Terminology.main").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Terminology.csv());
        }
    }

    @Test
    void everyRowHasATermForEachLanguageAndNamesStayAsTheyAre() {
        List<String> rows = Terminology.csv().lines().toList();

        assertThat(rows.getFirst()).isEqualTo("en,es,fr,de,ja");
        assertThat(rows).allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(5));
        assertThat(rows).contains("Hollow Quay,Hollow Quay,Hollow Quay,Hollow Quay,Hollow Quay");
        assertThat(rows).contains("Lantern Line,Lantern Line,Lantern Line,Lantern Line,Lantern Line");
        assertThat(rows).contains("conductor,revisor,contrôleur,Schaffner,車掌");
        assertThat(rows.stream().map(row -> row.split(",")[0]))
                .doesNotHaveDuplicates()
                .noneMatch(term -> term.startsWith("the "));
        assertThat(rows.stream().skip(1).flatMap(row -> Arrays.stream(row.split(","))))
                .allSatisfy(term -> assertThat(term).isNotBlank());
    }
}
