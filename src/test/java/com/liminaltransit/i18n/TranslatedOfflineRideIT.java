package com.liminaltransit.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.Narrative;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.TranslateStub;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offline storyteller writes English; with Amazon Translate configured (here a stub of its wire format, reached
 * through the real SDK client) a ride in another language reads its passages and choices translated, with the line's
 * terminology, each text translated once and then read from the database. A Translate that fails in any way leaves
 * the stop in English, stored and marked as English, and the player sees no error.
 */
@HelidonTest
@AddConfig(key = "liminal.translate.region", value = "us-east-1")
@AddConfig(key = "liminal.translate.terminology", value = "liminal-line")
@AddConfig(key = "liminal.translate.timeout", value = "1s")
// every fault below is a failure on purpose: the breaker would open and hide the later tests' calls
@AddConfig(key = "com.liminaltransit.i18n.AmazonTranslate/translate/CircuitBreaker/enabled", value = "false")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:translated-offline;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class TranslatedOfflineRideIT {

    private static final TranslateStub STUB = TranslateStub.start();

    static {
        // the default credentials chain reads these first: real SigV4 signing with keys that only the stub sees
        System.setProperty("aws.accessKeyId", "AKIDLIMINALTEST");
        System.setProperty("aws.secretAccessKey", "liminal-test-secret");
    }

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    @Inject
    private Translations translations;

    private PlayerClient player;

    @AddConfigSource
    static ConfigSource stub() {
        return MpConfigSources.create(
                Map.of("liminal.translate.endpoint", STUB.uri().toString()));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @BeforeEach
    void newPlayerAndNothingTranslatedYet() {
        STUB.reset();
        player = new PlayerClient(URI.create(target.getUri().toString()));
        Jdbc.inTransaction(database.dataSource(), connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from translation")) {
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Test
    void anOfflineRideInJapaneseIsTranslatedWithTheLinesTerminology() {
        // given a player whose pages are Japanese
        player.post("/language", Map.of("lang", "ja"));

        // when they board and make a choice
        String id = Rides.board(player);
        Document ride = player.get("/stories/" + id).html();
        player.post(
                "/stories/" + id + "/choices",
                Map.of(
                        "step",
                        Integer.toString(Rides.openStep(ride)),
                        "choice",
                        Rides.choiceIds(ride).getFirst()));
        Document page = player.get("/stories/" + id).html();

        // then every passage and choice they read is the translation, stored as Japanese
        assertThat(page.select("#journey .passage").eachText())
                .hasSize(2)
                .allSatisfy(text -> assertThat(text).startsWith("[ja] "));
        assertThat(page.select("#journey .passage").eachAttr("lang")).containsExactly("ja", "ja");
        assertThat(page.select(".untranslated")).isEmpty();
        assertThat(page.select("form.choices button[name=choice]").eachText())
                .isNotEmpty()
                .allSatisfy(text -> assertThat(text).startsWith("[ja] "));
        assertThat(passages(id)).containsExactly("ja ja offline", "ja ja offline");
        // and each text went to Translate as TranslateText from English, with the terminology
        assertThat(STUB.requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.path()).isEqualTo(TranslateStub.PATH);
            assertThat(request.header("Authorization")).contains("/us-east-1/translate/aws4_request");
            assertThat(request.field("SourceLanguageCode")).isEqualTo("en");
            assertThat(request.field("TargetLanguageCode")).isEqualTo("ja");
            assertThat(request.terminologyNames()).containsExactly("liminal-line");
        });
        // and every translation was kept, once per text
        assertThat(translationsKept()).isEqualTo(STUB.requests().size());
    }

    @Test
    void eachTextIsTranslatedOnceAndThenReadFromTheDatabase() {
        // given an English stop of the offline storyteller
        Narrative english = new Narrative(
                "The train slows at Hollow Quay. A lamp swings over an empty bench, though there is no wind.",
                List.of(new ChoiceOption("a", "Step onto the platform"), new ChoiceOption("b", "Stay in your seat")),
                false,
                "You boarded the Lantern Line.");

        // when it is shown in Spanish twice
        Narrative first = translations.translated(english, "en", "es").orElseThrow();
        int callsForTheFirst = STUB.requests().size();
        Narrative second = translations.translated(english, "en", "es").orElseThrow();

        // then Translate was asked once per text (the passage and two labels), and never again
        assertThat(callsForTheFirst).isEqualTo(3);
        assertThat(STUB.requests()).hasSize(3);
        assertThat(second).isEqualTo(first);
        assertThat(first.passage()).isEqualTo(TranslateStub.translation(english.passage(), "es"));
        assertThat(first.choices())
                .extracting(ChoiceOption::id, ChoiceOption::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", "[es] Step onto the platform"),
                        org.assertj.core.groups.Tuple.tuple("b", "[es] Stay in your seat"));
        // and the summary, which only models read, stays as written
        assertThat(first.summary()).isEqualTo(english.summary());
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("throttled", TranslateStub.throttled()),
                Arguments.of("500", TranslateStub.internalError()),
                Arguments.of("503", TranslateStub.unavailable()),
                Arguments.of("too slow", TranslateStub.slow(3_000)),
                Arguments.of("malformed", TranslateStub.malformed()),
                Arguments.of("no translation", TranslateStub.empty()),
                Arguments.of("markup in the translation", TranslateStub.markup()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFailingTranslateLeavesTheStopInEnglishWithoutAnError(String fault, TranslateStub.Fault behaviour) {
        // given a Translate that fails on the first text of the stop
        STUB.then(behaviour);

        // when a player boards in Spanish
        String id = Rides.board(player, "es");
        PlayerClient.Answer page = player.get("/stories/" + id);

        // then the ride is there, in English, stored as English in a Spanish ride, and nothing was kept
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#journey .passage").text()).doesNotStartWith("[es]");
        assertThat(page.html().selectFirst("#journey .passage").attr("lang")).isEqualTo("en");
        assertThat(page.html().select(".problem")).isEmpty();
        assertThat(passages(id)).containsExactly("es en offline");
        assertThat(translationsKept()).isZero();
    }

    /** {@code <ride language> <passage language> <provider>} per stop. */
    private List<String> passages(String id) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select r.language, p.language, p.provider from passage p join ride r on r.id = p.ride_id
                    where p.ride_id = ? order by p.stop""")) {
                query.setString(1, id);
                List<String> rows = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
                    }
                }
                return rows;
            }
        });
    }

    private int translationsKept() {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("select count(*) from translation");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }
}
