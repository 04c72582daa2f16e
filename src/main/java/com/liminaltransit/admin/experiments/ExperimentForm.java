package com.liminaltransit.admin.experiments;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The form that starts an experiment, as typed (so a refused form is shown again unchanged) and checked: a name,
 * then two to four rows of variant name, prompt version, chain, weight and content bank version. A row with neither
 * name nor weight is left out. Variants that cannot differ are refused with the reason: the same chain and content
 * bank version, and either the same prompt version or a chain only {@code offline} writes for (it reads no prompt).
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
     * @param bank    content bank version text (empty: the published one)
     */
    public record Row(String name, String version, String chain, String weight, String bank) {

        /** A row written from the published content bank. */
        public Row(String name, String version, String chain, String weight) {
            this(name, version, chain, weight, "");
        }

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
                        new Row("A", published, "", "1", ""),
                        new Row("B", published, "", "1", ""),
                        new Row("", "", "", "", ""),
                        new Row("", "", "", "", "")));
    }

    /**
     * The form as posted (fields {@code name}, {@code variant-i}, {@code version-i}, {@code chain-i}, {@code weight-i},
     * {@code bank-i}).
     */
    static ExperimentForm read(MultivaluedMap<String, String> form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_VARIANTS; i++) {
            rows.add(new Row(
                    field(form, "variant-" + i),
                    field(form, "version-" + i),
                    field(form, "chain-" + i),
                    field(form, "weight-" + i),
                    field(form, "bank-" + i)));
        }
        return new ExperimentForm(field(form, "name"), rows);
    }

    /**
     * What decides whether two variants can write differently: the configured chain, which providers read the
     * prompts, which content bank versions exist and which one is published.
     *
     * @param configured  the configured chain ({@code liminal.ai.chain}), {@code offline} last
     * @param readsPrompt whether a provider's writing depends on the prompt
     * @param bankExists  whether a content bank version exists
     * @param published   the published content bank version
     */
    record Writers(List<String> configured, Predicate<String> readsPrompt, IntPredicate bankExists, int published) {}

    /** Checks the form, with no content bank versions to choose and no check that variants can differ. */
    Checked check(IntPredicate versionExists, Function<List<String>, String> chainProblem) {
        return check(versionExists, chainProblem, null);
    }

    /**
     * Checks the form.
     *
     * @param versionExists whether a prompt version exists
     * @param chainProblem  what is wrong with a list of provider names, or {@code null}
     * @param writers       what decides whether variants can differ, or {@code null} to skip that check
     */
    Checked check(IntPredicate versionExists, Function<List<String>, String> chainProblem, Writers writers) {
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
            Integer bank = null;
            if (!row.bank().isEmpty()) {
                bank = VERSION.matcher(row.bank()).matches() ? Integer.parseInt(row.bank()) : 0;
                if (bank == 0 || writers == null || !writers.bankExists().test(bank)) {
                    problems.add(label + ": choose an existing content bank version, or none for the published one.");
                }
            }
            specs.add(new VariantSpec(row.name(), version, providers, weight, bank));
        }
        if (specs.size() < 2) {
            problems.add("An experiment needs two to four variants.");
        }
        if (problems.isEmpty() && writers != null) {
            problems.addAll(alike(specs, writers));
        }
        return new Checked(problems.isEmpty() ? specs : List.of(), problems);
    }

    /** The pairs of variants that cannot write differently, each with the reason. */
    private static List<String> alike(List<VariantSpec> specs, Writers writers) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            for (int j = i + 1; j < specs.size(); j++) {
                VariantSpec one = specs.get(i);
                VariantSpec other = specs.get(j);
                List<String> chain = effective(one.chain(), writers);
                int bank = one.bankVersion() == null ? writers.published() : one.bankVersion();
                int otherBank = other.bankVersion() == null ? writers.published() : other.bankVersion();
                if (!chain.equals(effective(other.chain(), writers)) || bank != otherBank) {
                    continue;
                }
                boolean prompted = chain.stream().anyMatch(writers.readsPrompt());
                if (prompted && one.promptVersion() != other.promptVersion()) {
                    continue;
                }
                String pair = "Variants " + one.name() + " and " + other.name() + " cannot differ: ";
                if (!prompted) {
                    problems.add(pair + "both are written by offline alone, which reads no prompt (prompt versions "
                            + one.promptVersion() + " and " + other.promptVersion() + " change nothing it writes),"
                            + " from the same content bank version (" + bank + "). Give one of them another content"
                            + " bank version, or a chain with a model provider.");
                } else {
                    problems.add(pair + "they have the same prompt version, chain and content bank version.");
                }
            }
        }
        return problems;
    }

    /** A variant's providers as they will be tried: its chain (or the configured one), {@code offline} last. */
    private static List<String> effective(List<String> chain, Writers writers) {
        List<String> names = new ArrayList<>(chain.isEmpty() ? writers.configured() : chain);
        names.removeIf("offline"::equals);
        names.add("offline");
        return names;
    }

    private static String field(MultivaluedMap<String, String> form, String key) {
        String value = form.getFirst(key);
        return value == null ? "" : value.strip();
    }
}
