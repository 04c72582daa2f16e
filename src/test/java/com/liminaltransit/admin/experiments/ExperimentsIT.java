package com.liminaltransit.admin.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.liminaltransit.admin.bank.BankStore;
import com.liminaltransit.admin.prompts.PromptStore;
import com.liminaltransit.admin.ridebot.RideBot;
import com.liminaltransit.admin.ridebot.RideBotReport;
import com.liminaltransit.narrative.PromptBuilder;
import com.liminaltransit.narrative.offline.BankText;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.Writers;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Experiments through the writers' pages and real player rides on {@code offline}: the form is checked, players
 * are assigned sticky and by weight, each ride records its variant and is written with the variant's prompt
 * version, the results page shows the figures of seeded rides with intervals, and stopping publishes the winner.
 */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = ExperimentsIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
class ExperimentsIT {

    static final String DB = "jdbc:h2:mem:experiments-it;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Inject
    private WebTarget target;

    @Inject
    private Experiments experiments;

    @Inject
    private PromptStore prompts;

    @Inject
    private RideBot bot;

    @Inject
    private BankStore banks;

    private static Integer otherBank;

    @BeforeEach
    void noExperimentRuns() {
        experiments.running().ifPresent(e -> experiments.stop(e.id(), null, "test"));
    }

    @Test
    void playersAreAssignedStickyAndByWeightAndEachRideRecordsItsVariantAndPromptVersion() throws SQLException {
        // given a running experiment: A = published version, weight 1; B = a new version on offline, weight 3
        PlayerClient writer = signedIn();
        int published = prompts.publishedVersion();
        int newer = prompts.save(
                PromptBuilder.shipped().system(), PromptBuilder.shipped().step() + "\nVariant B.", "B", "ada");
        long id = start(
                writer,
                "weights",
                Map.of(
                        "variant-0",
                        "A",
                        "version-0",
                        Integer.toString(published),
                        "chain-0",
                        "",
                        "weight-0",
                        "1",
                        "variant-1",
                        "B",
                        "version-1",
                        Integer.toString(newer),
                        "chain-1",
                        "offline",
                        "weight-1",
                        "3"));
        Map<String, Long> variantIds = variantIds(id);
        // when 240 new players board a ride each, and one player boards three
        List<String> rides = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            rides.add(Rides.board(new PlayerClient(URI.create(target.getUri().toString()))));
        }
        PlayerClient regular = new PlayerClient(URI.create(target.getUri().toString()));
        List<String> regularRides = List.of(Rides.board(regular), Rides.board(regular), Rides.board(regular));
        // then the regular player kept one variant
        Set<Long> regularVariants = new HashSet<>();
        for (String ride : regularRides) {
            regularVariants.add(variantOf(ride));
        }
        assertThat(regularVariants).hasSize(1);
        // and B's share is 3/4 within 4 standard errors
        long b = 0;
        for (String ride : rides) {
            if (variantOf(ride) == variantIds.get("B")) {
                b++;
            }
        }
        double error = Math.sqrt(0.75 * 0.25 / rides.size());
        assertThat(b / (double) rides.size()).isCloseTo(0.75, within(4 * error));
        // and every step of a ride, the next one too, is written with its variant's prompt version
        for (String ride : rides.subList(0, 10)) {
            int expected = variantOf(ride) == variantIds.get("B") ? newer : published;
            assertThat(promptVersionsOf(ride)).containsOnly(expected);
        }
        String regularRide = regularRides.getFirst();
        Document page = regular.get("/stories/" + regularRide).html();
        regular.post(
                "/stories/" + regularRide + "/choices",
                Map.of(
                        "step",
                        Integer.toString(Rides.openStep(page)),
                        "choice",
                        Rides.choiceIds(page).getFirst()));
        int regularVersion = regularVariants.iterator().next().equals(variantIds.get("B")) ? newer : published;
        assertThat(promptVersionsOf(regularRide)).containsExactly(regularVersion, regularVersion);
        // and the results page counts the rides
        Document results = writer.get("/admin/experiments/" + id).html();
        assertThat(Long.parseLong(
                        results.select("#results tr[data-variant=B] .rides").text()))
                .isEqualTo(b + (regularVariants.contains(variantIds.get("B")) ? 3 : 0));
    }

    @Test
    void resultsShowTheFiguresOfSeededRidesWithIntervals() throws SQLException {
        // given an experiment whose variant A has four seeded player rides (three completed, 20 steps, one step
        // written after a fallback with two failed calls, $0.001 a step) and a bot ride that must not count
        long id = experiments.start(
                "seeded", List.of(new VariantSpec("A", 1, List.of(), 1), new VariantSpec("B", 1, List.of(), 1)), "ada");
        long a = variantIds(id).get("A");
        seedRide(a, "player", 5, true, true);
        seedRide(a, "player", 6, true, false);
        seedRide(a, "player", 7, true, false);
        seedRide(a, "player", 2, false, false);
        seedRide(a, "randomtest", 9, true, false);
        // when the writer opens the results
        Element row = signedIn().get("/admin/experiments/" + id).html().selectFirst("#results tr[data-variant=A]");
        // then
        assertThat(row.select(".rides").text()).isEqualTo("4");
        assertThat(row.select(".completion").text()).isEqualTo("75.0%");
        assertThat(row.select(".completion-interval").text()).isEqualTo("30.1% – 95.4%");
        assertThat(row.select(".stops").text()).isEqualTo("5.00");
        assertThat(row.select(".stops-interval").text()).isEqualTo("2.88 – 7.12");
        assertThat(row.select(".fallbacks").text()).isEqualTo("1 (5.0%)");
        assertThat(row.select(".ai-errors").text()).isEqualTo("2 (10.0 per 100 steps)");
        assertThat(row.select(".cost").text()).isEqualTo("$0.006667");
        Element empty = signedIn().get("/admin/experiments/" + id).html().selectFirst("#results tr[data-variant=B]");
        assertThat(empty.select(".rides").text()).isEqualTo("0");
        assertThat(empty.select(".completion").text()).isEqualTo("–");
    }

    @Test
    void stoppingWithAWinnerPublishesItsPromptVersionAndNewRidesLeaveTheExperiment() throws SQLException {
        // given a running experiment whose variant W has a new prompt version
        PlayerClient writer = signedIn();
        int before = prompts.publishedVersion();
        int winnerVersion = prompts.save(
                PromptBuilder.shipped().system(), PromptBuilder.shipped().step() + "\nThe winner.", "W", "ada");
        long id = start(
                writer,
                "stop me",
                Map.of(
                        "variant-0",
                        "L",
                        "version-0",
                        Integer.toString(before),
                        "weight-0",
                        "1",
                        "variant-1",
                        "W",
                        "version-1",
                        Integer.toString(winnerVersion),
                        "weight-1",
                        "1"));
        long winner = variantIds(id).get("W");
        String csrf = Writers.csrf(writer.get("/admin/experiments/" + id).html());
        // when the writer stops it with W as the winner
        Answer stopped = writer.post(
                "/admin/experiments/" + id + "/stop", Map.of("csrf", csrf, "winner", Long.toString(winner)));
        // then W's prompt version is published, the page says so, and new rides have no variant
        assertThat(stopped.status()).isEqualTo(303);
        assertThat(prompts.publishedVersion()).isEqualTo(winnerVersion);
        Document page = writer.get("/admin/experiments/" + id).html();
        assertThat(page.select("#experiment-state").text()).contains("Stopped", "winner W");
        assertThat(page.select("#stop")).isEmpty();
        String ride = Rides.board(new PlayerClient(URI.create(target.getUri().toString())));
        assertThat(variantOrNull(ride)).isNull();
        assertThat(promptVersionsOf(ride)).containsExactly(winnerVersion);
        // and stopping again is a conflict
        assertThat(writer.post("/admin/experiments/" + id + "/stop", Map.of("csrf", csrf))
                        .status())
                .isEqualTo(409);
        prompts.publish(before, "test");
    }

    @Test
    void aFormWithProblemsIsA400NamingThemAndStartsNothing() {
        PlayerClient writer = signedIn();
        String csrf = Writers.csrf(writer.get("/admin/experiments").html());
        int before = experiments.all().size();

        Answer answer = writer.post(
                "/admin/experiments",
                Map.of(
                        "csrf",
                        csrf,
                        "name",
                        "broken",
                        "variant-0",
                        "A",
                        "version-0",
                        "1",
                        "chain-0",
                        "nosuch",
                        "weight-0",
                        "0",
                        "variant-1",
                        "A",
                        "version-1",
                        "999",
                        "weight-1",
                        "1"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.html().select(".problem").eachText())
                .anySatisfy(p -> assertThat(p).contains("nosuch"))
                .anySatisfy(p -> assertThat(p).contains("weight"))
                .anySatisfy(p -> assertThat(p).contains("used twice"))
                .anySatisfy(p -> assertThat(p).contains("existing prompt version"));
        assertThat(experiments.all()).hasSize(before);
    }

    @Test
    void anExperimentWhoseVariantsCannotDifferIsRefusedWithTheReason() throws SQLException {
        // given two prompt versions, and the configured chain: offline alone
        PlayerClient writer = signedIn();
        int published = prompts.publishedVersion();
        int newer = prompts.save(
                PromptBuilder.shipped().system(), PromptBuilder.shipped().step() + "\nVersion two.", "two", "ada");
        String csrf = Writers.csrf(writer.get("/admin/experiments").html());
        int experimentsBefore = count("select count(*) from experiment");

        // when a writer asks for v1 against v2, both written by offline from the published bank
        Answer refused = writer.post(
                "/admin/experiments",
                Map.of(
                        "csrf",
                        csrf,
                        "name",
                        "v1 vs v2",
                        "variant-0",
                        "A",
                        "version-0",
                        Integer.toString(published),
                        "weight-0",
                        "1",
                        "variant-1",
                        "B",
                        "version-1",
                        Integer.toString(newer),
                        "weight-1",
                        "1"));

        // then it is refused, saying why, and nothing is started
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select(".problem").text())
                .contains("Variants A and B cannot differ")
                .contains("offline alone, which reads no prompt");
        assertThat(refused.html().select("#offline-note").text())
                .contains("a prompt version cannot change what it writes");
        assertThat(count("select count(*) from experiment")).isEqualTo(experimentsBefore);
    }

    @Test
    void variantsOfTwoContentBankVersionsRunAndEachRideRecordsItsBankVersion() throws SQLException {
        // given v1 on the published bank against v1 on another bank version
        PlayerClient writer = signedIn();
        String version = Integer.toString(prompts.publishedVersion());
        long id = start(
                writer,
                "banks",
                Map.of(
                        "variant-0",
                        "published",
                        "version-0",
                        version,
                        "weight-0",
                        "1",
                        "variant-1",
                        "renamed",
                        "version-1",
                        version,
                        "weight-1",
                        "1",
                        "bank-1",
                        otherBank()));
        Map<String, Long> variantIds = variantIds(id);

        // when players board
        Map<Long, Integer> bankOfVariant = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            String ride =
                    Rides.board(new PlayerClient(URI.create(target.getUri().toString())));
            bankOfVariant.put(variantOf(ride), bankVersionOf(ride));
        }

        // then each ride records the bank version of its variant, and the page says which prompts change nothing
        assertThat(bankOfVariant.get(variantIds.get("renamed"))).isEqualTo(Integer.parseInt(otherBank()));
        assertThat(bankOfVariant.get(variantIds.get("published"))).isEqualTo(banks.publishedVersion());
        Document page = writer.get("/admin/experiments/" + id).html();
        assertThat(page.select("tr[data-variant=renamed] .bank-version").text()).isEqualTo(otherBank());
        assertThat(page.select("tr[data-variant=published] .promptless").text()).contains("reads no prompt");
    }

    private static Integer bankVersionOf(String ride) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement("select bank_version from ride where id = ?")) {
            query.setString(1, ride);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                int bank = row.getInt(1);
                return row.wasNull() ? null : bank;
            }
        }
    }

    @Test
    void onlyOneExperimentRunsAtATime() {
        PlayerClient writer = signedIn();
        start(
                writer,
                "first",
                Map.of(
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
                        "1"));
        String csrf = Writers.csrf(writer.get("/admin/experiments").html());

        Answer second = writer.post(
                "/admin/experiments",
                Map.of(
                        "bank-1",
                        otherBank(),
                        "csrf",
                        csrf,
                        "name",
                        "second",
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
                        "1"));

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.html().select(".problem").text()).contains("Another experiment is running");
    }

    @Test
    void twoWritersStartingAtTheSameMomentStartExactlyOneAndTheOtherGetsTheFormBack() throws Exception {
        PlayerClient ada = signedIn();
        PlayerClient again = signedIn();
        int before = experiments.all().size();
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                // given two writers with the form open, released together
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Answer>> posts = new ArrayList<>();
                for (PlayerClient writer : List.of(ada, again)) {
                    Map<String, String> form = new HashMap<>(twoVariants("at once " + round));
                    form.put(
                            "csrf",
                            Writers.csrf(writer.get("/admin/experiments").html()));
                    posts.add(browsers.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return writer.post("/admin/experiments", form);
                    }));
                }
                // when both submit
                List<Answer> answers = new ArrayList<>();
                for (Future<Answer> post : posts) {
                    answers.add(post.get(60, TimeUnit.SECONDS));
                }
                // then one experiment started and the other writer got the form back saying why
                assertThat(answers)
                        .extracting(Answer::status)
                        .as("round %d", round)
                        .containsExactlyInAnyOrder(303, 400);
                Answer refused = answers.stream()
                        .filter(a -> a.status() == 400)
                        .findFirst()
                        .orElseThrow();
                assertThat(refused.html().select(".problem").text()).contains("Another experiment is running");
                assertThat(refused.html().select("#name").val()).isEqualTo("at once " + round);
                assertThat(experiments.all()).hasSize(before + round + 1);
                experiments.running().ifPresent(e -> experiments.stop(e.id(), null, "test"));
            }
        } finally {
            browsers.shutdownNow();
        }
    }

    private Map<String, String> twoVariants(String name) {
        return Map.of(
                "bank-1",
                otherBank(),
                "name",
                name,
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
                "1");
    }

    @Test
    void experimentFormsWithoutTheCsrfTokenAreRefused() {
        PlayerClient writer = signedIn();
        int before = experiments.all().size();

        Answer start = writer.post(
                "/admin/experiments",
                Map.of(
                        "name",
                        "no token",
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
                        "1"));

        assertThat(start.status()).isEqualTo(403);
        assertThat(experiments.all()).hasSize(before);
        long id = experiments.start(
                "running",
                List.of(new VariantSpec("A", 1, List.of(), 1), new VariantSpec("B", 1, List.of(), 1)),
                "ada");
        assertThat(writer.post("/admin/experiments/" + id + "/stop", Map.of("csrf", "forged"))
                        .status())
                .isEqualTo(403);
        assertThat(experiments.find(id))
                .hasValueSatisfying(e -> assertThat(e.running()).isTrue());
    }

    @Test
    void randomtestPlaysAVariantAndItsRidesStayOutOfTheResults() throws SQLException {
        long id = experiments.start(
                "bot",
                List.of(new VariantSpec("A", 1, List.of("offline"), 1), new VariantSpec("B", 1, List.of(), 1)),
                "ada");
        long a = variantIds(id).get("A");

        RideBotReport report = bot.run(3, 5, a, done -> {});

        assertThat(report.clean()).isTrue();
        assertThat(report.chain()).containsExactly("offline");
        assertThat(count("select count(*) from ride where source = 'randomtest' and variant_id = " + a))
                .isEqualTo(3);
        assertThat(signedIn()
                        .get("/admin/experiments/" + id)
                        .html()
                        .select("#results tr[data-variant=A] .rides")
                        .text())
                .isEqualTo("0");
    }

    /**
     * A second content bank version (one line renamed), so variants on the offline chain alone can differ: offline
     * reads no prompt, and variants that cannot differ are refused.
     */
    private String otherBank() {
        if (otherBank == null || otherBank == banks.publishedVersionNow()) {
            BankText shipped = banks.find(1).orElseThrow();
            String world = shipped.parts()
                    .get("world.json")
                    .replace("the Lantern Line", "the Lanthorn Line " + banks.newestVersion());
            otherBank = banks.save(shipped.with("world.json", world), "a line renamed", "ada");
        }
        return Integer.toString(otherBank);
    }

    private long start(PlayerClient writer, String name, Map<String, String> variants) {
        String csrf = Writers.csrf(writer.get("/admin/experiments").html());
        Map<String, String> form = new HashMap<>(variants);
        if (form.containsKey("variant-1")) {
            form.putIfAbsent("bank-1", otherBank());
        }
        form.put("csrf", csrf);
        form.put("name", name);
        Answer started = writer.post("/admin/experiments", form);
        assertThat(started.status()).as(started.body()).isEqualTo(303);
        String path = URI.create(started.header("Location").orElseThrow()).getPath();
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private Map<String, Long> variantIds(long experiment) {
        Map<String, Long> ids = new HashMap<>();
        experiments.find(experiment).orElseThrow().variants().forEach(v -> ids.put(v.name(), v.id()));
        return ids;
    }

    private PlayerClient signedIn() {
        PlayerClient writer = new PlayerClient(URI.create(target.getUri().toString()));
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);
        return writer;
    }

    private static long variantOf(String ride) throws SQLException {
        Long variant = variantOrNull(ride);
        assertThat(variant).as("ride %s has a variant", ride).isNotNull();
        return variant;
    }

    private static Long variantOrNull(String ride) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement("select variant_id from ride where id = ?")) {
            query.setString(1, ride);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long value = row.getLong(1);
                return row.wasNull() ? null : value;
            }
        }
    }

    private static List<Integer> promptVersionsOf(String ride) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "select prompt_version from passage where ride_id = ? order by stop")) {
            query.setString(1, ride);
            List<Integer> versions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
            }
            return versions;
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** A ride of {@code stops} passages at $0.001 each; with {@code fallback}, stop 1 took three calls. */
    private static void seedRide(long variant, String source, int stops, boolean ended, boolean fallback)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = DriverManager.getConnection(DB, "sa", "")) {
            try (PreparedStatement ride = connection.prepareStatement("""
                    insert into ride (id, owner_hash, seed, language, ended, stops, created_at, updated_at, source,
                                      variant_id) values (?, ?, 1, 'en', ?, ?, ?, ?, ?, ?)""")) {
                ride.setString(1, id);
                ride.setString(2, "0".repeat(64));
                ride.setBoolean(3, ended);
                ride.setInt(4, stops);
                ride.setObject(5, now);
                ride.setObject(6, now);
                ride.setString(7, source);
                ride.setLong(8, variant);
                ride.executeUpdate();
            }
            try (PreparedStatement passage = connection.prepareStatement("""
                    insert into passage (ride_id, stop, body, summary, ending, chosen_id, provider, model,
                                         input_tokens, output_tokens, cost_usd, latency_ms, attempts, fallback_reason,
                                         created_at, prompt_version)
                    values (?, ?, 'Body.', 'Summary.', ?, ?, 'offline', 'm', 10, 10, 0.001, 5, ?, ?, ?, 1)""")) {
                for (int stop = 0; stop < stops; stop++) {
                    boolean last = stop == stops - 1;
                    boolean fell = fallback && stop == 1;
                    passage.setString(1, id);
                    passage.setInt(2, stop);
                    passage.setBoolean(3, last && ended);
                    passage.setString(4, last ? null : "a");
                    passage.setInt(5, fell ? 3 : 1);
                    passage.setString(6, fell ? "openai: ProviderUnavailableException" : null);
                    passage.setObject(7, now);
                    passage.addBatch();
                }
                passage.executeBatch();
            }
        }
    }
}
