package com.liminaltransit.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.web.BundleMessages;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The players' pages in five languages, with JavaScript off: the language comes from {@code Accept-Language} until
 * the player picks one with the plain form on every page ({@code POST /language}, a cookie, {@code 303} back to the
 * same page of this site, never another site); {@code <html lang>} follows it. A ride keeps the language it was
 * boarded in; without Amazon Translate the offline storyteller's English is stored as English.
 */
@HelidonTest
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:language-switch;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class LanguageSwitchIT {

    private static final BundleMessages MESSAGES = new BundleMessages();

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    private PlayerClient player;

    @BeforeEach
    void newPlayer() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
    }

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "es-MX,es;q=0.9,en;q=0.5 | es",
                "ja-JP | ja",
                "fr-CA, fr;q=0.8 | fr",
                "zh-CN;q=0.9, de;q=0.4 | de",
                "pt-BR | en",
                "en;q=0, ja;q=0.3 | ja",
                "*;q=0.5 | en"
            })
    void pagesAreInTheBestOfferedMatchOfAcceptLanguage(String header, String expected) {
        Answer landing = player.send(HttpRequest.newBuilder(player.uri("/")).header("Accept-Language", header));

        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.html().selectFirst("html").attr("lang")).isEqualTo(expected);
        assertThat(landing.header("Content-Language")).contains(expected);
    }

    @Test
    void aMalformedAcceptLanguageIsA400PageInTheDefaultLanguage() {
        Answer landing =
                player.send(HttpRequest.newBuilder(player.uri("/")).header("Accept-Language", "@@not a header@@"));

        assertThat(landing.status()).isEqualTo(400);
        assertThat(landing.html().selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void withoutAnyLanguageThePagesAreEnglish() {
        Answer landing = player.get("/");

        assertThat(landing.html().selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void everyPageCarriesAPlainFormThatNamesEachLanguageInItself() {
        // when a player with no JavaScript reads the landing page
        Document page = player.get("/").html();

        // then a plain form posts the language and where to come back to
        var form = page.selectFirst("footer form.languages[method=post][action=/language]");
        assertThat(form).isNotNull();
        assertThat(form.selectFirst("input[type=hidden][name=return]").val()).isEqualTo("/");
        assertThat(form.selectFirst("label[for=language-switch]").text()).isEqualTo("Language");
        assertThat(form.select("select#language-switch[name=lang] option"))
                .extracting(o -> o.val() + " " + o.attr("lang") + " " + o.text())
                .containsExactly("en en English", "es es Español", "fr fr Français", "de de Deutsch", "ja ja 日本語");
        assertThat(form.selectFirst("option[selected]").val()).isEqualTo("en");
        assertThat(form.selectFirst("button[type=submit]")).isNotNull();
    }

    @Test
    void theSwitchSetsTheCookieAndSendsThePlayerBackToTheSamePage() {
        // given a player reading a page of this site
        String referer = player.uri("/stories/00000000-0000-4000-8000-000000000000?from=map")
                .toString();

        // when they choose Japanese
        Answer switched = player.send(form(Map.of("lang", "ja")).header("Referer", referer));

        // then a 303 goes back to that page (as a path on this site), with the choice in a cookie
        assertThat(switched.status()).isEqualTo(303);
        assertThat(switched.header("Location")).contains("/stories/00000000-0000-4000-8000-000000000000?from=map");
        String cookie = switched.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("lt_lang="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .startsWith("lt_lang=ja")
                .contains("Path=/")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
        // and the next page is Japanese, whatever the browser's Accept-Language says
        Answer landing = player.send(HttpRequest.newBuilder(player.uri("/")).header("Accept-Language", "de"));
        Document page = landing.html();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
        assertThat(page.selectFirst("label[for=language-switch]").text()).isEqualTo("言語");
        assertThat(page.selectFirst("option[selected]").val()).isEqualTo("ja");
    }

    @Test
    void theFormsReturnFieldSendsThePlayerBackWithoutAReferer() {
        Answer switched = player.post("/language", Map.of("lang", "de", "return", "/stories/abc?x=1"));

        assertThat(switched.status()).isEqualTo(303);
        assertThat(switched.header("Location")).contains("/stories/abc?x=1");
    }

    @ParameterizedTest(name = "return={0}")
    @ValueSource(
            strings = {
                "//evil.example/phish",
                "https://evil.example/phish",
                "/\\evil.example/phish",
                "\\\\evil.example",
                "javascript:alert(1)",
                "evil.example",
                "/\t/evil.example",
                "http:/evil.example"
            })
    void aForeignOrProtocolRelativeReturnIsRefused(String back) {
        Answer switched = player.post("/language", Map.of("lang", "fr", "return", back));

        assertThat(switched.status()).isEqualTo(303);
        assertThat(switched.header("Location")).contains("/");
        assertThat(player.cookie("lt_lang")).contains("fr");
    }

    @ParameterizedTest(name = "Referer: {0}")
    @ValueSource(
            strings = {
                "https://evil.example/stories/x",
                "http://evil.example/",
                "http://127.0.0.1:1/stories/x",
                "ftp://127.0.0.1/x",
                "not a url at all"
            })
    void aForeignRefererIsNotFollowed(String referer) {
        Answer switched = player.send(form(Map.of("lang", "es")).header("Referer", referer));

        assertThat(switched.status()).isEqualTo(303);
        assertThat(switched.header("Location")).contains("/");
    }

    @Test
    void anUnknownLanguageIsA400PageAndChangesNothing() {
        // given a player reading Spanish pages
        player.post("/language", Map.of("lang", "es"));

        // when a language nobody offers is posted, and then none at all
        Answer unknown = player.post("/language", Map.of("lang", "xx-unknown"));
        Answer missing = player.post("/language", Map.of());

        // then each is a 400 page in the site's style, in the player's language, and the cookie is as it was
        for (Answer answer : List.of(unknown, missing)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.html().selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(answer.html().selectFirst(".problem")).isNotNull();
            assertThat(answer.headers("Set-Cookie")).noneMatch(c -> c.startsWith("lt_lang="));
        }
        assertThat(player.cookie("lt_lang")).contains("es");
    }

    @Test
    void anErrorPageIsInThePlayersLanguage() {
        player.setCookie("lt_lang", "fr");

        Answer missing = player.get("/no/such/page");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.html().selectFirst("html").attr("lang")).isEqualTo("fr");
    }

    @Test
    void aRideKeepsTheLanguageItWasBoardedInAndUntranslatedEnglishIsMarked() {
        // given a player who boards in Japanese, on a line with no Amazon Translate (offline writes English)
        player.post("/language", Map.of("lang", "ja"));
        String id = Rides.board(player);

        // when they switch their pages to French and ride on
        player.post("/language", Map.of("lang", "fr"));
        Document page = player.get("/stories/" + id).html();
        player.post(
                "/stories/" + id + "/choices",
                Map.of(
                        "step",
                        Integer.toString(Rides.openStep(page)),
                        "choice",
                        Rides.choiceIds(page).getFirst()));

        // then the pages are French, the ride is still Japanese, and each passage is stored as the English it is
        Document ride = player.get("/stories/" + id).html();
        assertThat(ride.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(rideLanguage(id)).isEqualTo("ja");
        assertThat(passageLanguages(id)).containsExactly("en", "en");
        // and the page marks each passage and label as English, and says why once, in French
        assertThat(ride.select("#journey .passage"))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.attr("lang")).isEqualTo("en"));
        assertThat(ride.select("form.choices button.choice span"))
                .allSatisfy(label -> assertThat(label.attr("lang")).isEqualTo("en"));
        assertThat(ride.select(".untranslated").eachText())
                .containsExactly(spaced(MESSAGES.message(Locale.FRENCH, "ride.untranslated")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es", "fr", "de", "ja"})
    void everyPlayerPageSpeaksTheLanguageWithNoWordMissing(String tag) {
        // given a player reading the pages in one language, with a ride of their own
        player.setCookie("lt_lang", tag);
        Locale language = Locale.forLanguageTag(tag);
        String id = Rides.board(player);
        Document ride = player.get("/stories/" + id).html();
        Answer step = player.postHx(
                "/stories/" + id + "/choices",
                Map.of(
                        "step",
                        Integer.toString(Rides.openStep(ride)),
                        "choice",
                        Rides.choiceIds(ride).getFirst()));

        // when they read every kind of player page (and a choice's htmx fragment)
        Map<String, Integer> pages = new java.util.LinkedHashMap<>();
        pages.put("/", 200);
        pages.put("/stories/" + id, 200);
        pages.put("/stories/" + id + "/stops/0", 200);
        pages.put("/stories/" + id + "/map", 200);
        pages.put("/accessibility", 200);
        pages.put("/stories/00000000-0000-4000-8000-000000000000", 404);
        pages.put("/no/such/page", 404);

        // then each is in that language, with every word found in its bundle
        assertThat(step.status()).isEqualTo(200);
        assertThat(step.body()).doesNotContain("??");
        for (Map.Entry<String, Integer> page : pages.entrySet()) {
            Answer answer = player.get(page.getKey());
            assertThat(answer.status()).as(page.getKey()).isEqualTo(page.getValue());
            assertThat(answer.body()).as(page.getKey()).doesNotContain("??");
            Document html = answer.html();
            assertThat(html.selectFirst("html").attr("lang")).as(page.getKey()).isEqualTo(tag);
            assertThat(html.selectFirst("footer label[for=language-switch]").text())
                    .isEqualTo(spaced(MESSAGES.message(language, "language.label")));
        }
        Document landing = player.get("/").html();
        assertThat(landing.selectFirst("h1").text()).isEqualTo(spaced(MESSAGES.message(language, "landing.heading")));
        assertThat(landing.title())
                .isEqualTo(spaced(MESSAGES.message(language, "landing.title")) + " · Liminal Transit");
        Document missing =
                player.get("/stories/00000000-0000-4000-8000-000000000000").html();
        assertThat(missing.select(".problem-title span").last().text())
                .isEqualTo(spaced(MESSAGES.message(language, "error.title.404")));
        assertThat(missing.select(".problem p").first().text())
                .isEqualTo(spaced(MESSAGES.message(language, "ride.not-found")));
    }

    /** A message as jsoup's {@code text()} gives it back: no-break spaces (French punctuation) read as spaces. */
    private static String spaced(String message) {
        return message.replace('\u00a0', ' ');
    }

    private HttpRequest.Builder form(Map<String, String> fields) {
        return HttpRequest.newBuilder(player.uri("/language"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PlayerClient.encode(fields)));
    }

    private String rideLanguage(String id) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("select language from ride where id = ?")) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    private List<String> passageLanguages(String id) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement("select language from passage where ride_id = ? order by stop")) {
                query.setString(1, id);
                List<String> languages = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        languages.add(rows.getString(1));
                    }
                }
                return languages;
            }
        });
    }
}
