package com.liminaltransit.admin.experiments;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The form that starts an experiment, as typed (so a refused form is shown again unchanged) and checked: a name,
 * then two to four rows of variant name, prompt version, chain and weight. A row with neither name nor weight is
 * left out.
 *
 * @param name the experiment's name
 * @param rows the variant rows, {@link #MAX_VARIANTS} of them
 */
public record ExperimentForm(String name, List<ExperimentForm.Row> rows) {

    /** The most variants an experiment has. */
    static final int MAX_VARIANTS = 4;

    private static final Pattern VERSION = Pattern.compile("[1-9]\\d{0,8}");
    private static final Pattern WEIGHT = Pattern.compile("\\d{1,4}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1,40}");

    /**
     * One row of the form as typed.
     *
     * @param name    variant name
     * @param version prompt version
     * @param chain   chain text
     * @param weight  weight text
     */
    public record Row(String name, String version, String chain, String weight) {

        boolean blank() {
            return name.isEmpty() && weight.isEmpty();
        }

        List<String> providers() {
            return chain.isEmpty()
                    ? List.of()
                    : Arrays.stream(chain.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }
    }

    /**
     * What the checked form asks for.
     *
     * @param specs    the variants, when there are no problems
     * @param problems what is wrong, one sentence each; empty when the form is good
     */
    record Checked(List<VariantSpec> specs, List<String> problems) {}

    public ExperimentForm {
        rows = List.copyOf(rows);
    }

    /** A fresh form: variants A and B on {@code version}, weight 1 each, and two empty rows. */
    static ExperimentForm fresh(int version) {
        String published = Integer.toString(version);
        return new ExperimentForm(
                "",
                List.of(
                        new Row("A", published, "", "1"),
                        new Row("B", published, "", "1"),
                        new Row("", "", "", ""),
                        new Row("", "", "", "")));
    }

    /** The form as posted (fields {@code name}, {@code variant-i}, {@code version-i}, {@code chain-i}, {@code weight-i}). */
    static ExperimentForm read(MultivaluedMap<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_VARIANTS; i++) {
            rows.add(new Row(
                    field(form, "variant-" + i),
                    field(form, "version-" + i),
                    field(form, "chain-" + i),
                    field(form, "weight-" + i)));
        }
        return new ExperimentForm(field(form, "name"), rows);
    }

    /**
     * Checks the form.
     *
     * @param versionExists whether a prompt version exists
     * @param chainProblem  what is wrong with a list of provider names, or {@code null}
     */
    Checked check(IntPredicate versionExists, Function<List<String>, String> chainProblem) {
        List<String> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 100) {
            problems.add("Name the experiment (up to 100 characters).");
        }
        List<VariantSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            String label = "Variant " + (i + 1);
            if (!NAME.matcher(row.name()).matches()) {
                problems.add(label + ": give a short name (letters, digits, spaces, . _ -; up to 40).");
            } else if (!names.add(row.name())) {
                problems.add(label + ": the name " + row.name() + " is used twice.");
            }
            int version = VERSION.matcher(row.version()).matches() ? Integer.parseInt(row.version()) : 0;
            if (version == 0 || !versionExists.test(version)) {
                problems.add(label + ": choose an existing prompt version.");
            }
            int weight = WEIGHT.matcher(row.weight()).matches() ? Integer.parseInt(row.weight()) : 0;
            if (weight < 1) {
                problems.add(label + ": the weight is a whole number from 1 to 9999.");
            }
            List<String> providers = row.providers();
            String problem = providers.isEmpty() ? null : chainProblem.apply(providers);
            if (problem != null || row.chain().length() > 200) {
                problems.add(label + ": " + (problem == null ? "the chain is too long." : problem));
            }
            specs.add(new VariantSpec(row.name(), version, providers, weight));
        }
        if (specs.size() < 2) {
            problems.add("An experiment needs two to four variants.");
        }
        return new Checked(problems.isEmpty() ? specs : List.of(), problems);
    }

    private static String field(MultivaluedMap<String, String> form, String key) {
        String value = form.getFirst(key);
        return value == null ? "" : value.strip();
    }
}
