package com.liminaltransit.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Writers;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in and out of the writers' room, sessions and their timeouts, throttling and CSRF, on H2 in-process. */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = AdminLoginIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada, bo")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
@AddConfig(key = "liminal.admin.bo.password-hash", value = Writers.BO_HASH)
@AddConfig(key = "liminal.web.trust-forwarded", value = "true")
class AdminLoginIT {

    static final String DB = "jdbc:h2:mem:admin-login;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Inject
    private WebTarget target;

    private PlayerClient browser;

    @BeforeEach
    void freshBrowserAndNoHistory() throws SQLException {
        browser = new PlayerClient(URI.create(target.getUri().toString()));
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from admin_login_failure");
            statement.executeUpdate("delete from admin_login_claim");
            statement.executeUpdate("delete from admin_known_address");
            statement.executeUpdate("delete from admin_session");
        }
    }

    @Test
    void goodPasswordOpensASessionWithAStrictHttpOnlyCookie() {
        Answer signedIn = Writers.signIn(browser, Writers.ADA, Writers.ADA_PASSWORD);

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        String cookie = signedIn.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("lt_admin="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/")
                .doesNotContainIgnoringCase("Domain=");
        Answer home = browser.get("/admin");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html().select("h1").text()).contains("ada");
    }

    @Test
    void everyBcryptVersionSignsIn() {
        Answer bo = Writers.signIn(browser, Writers.BO, Writers.BO_PASSWORD);

        assertThat(bo.status()).isEqualTo(303);
        assertThat(browser.get("/admin").status()).isEqualTo(200);
    }

    @Test
    void overHttpsTheCookieIsHostPrefixedAndSecure() {
        Answer form =
                browser.send(HttpRequest.newBuilder(browser.uri("/admin/login")).header("X-Forwarded-Proto", "https"));
        String loginCookie = form.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-lt_admin_login="))
                .findFirst()
                .orElseThrow();
        String token = form.html().selectFirst("input[name=csrf]").val();

        Answer signedIn = browser.send(HttpRequest.newBuilder(browser.uri("/admin/login"))
                .header("X-Forwarded-Proto", "https")
                .header("Cookie", loginCookie.substring(0, loginCookie.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PlayerClient.encode(
                        Map.of("username", Writers.ADA, "password", Writers.ADA_PASSWORD, "csrf", token)))));

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).hasValue("/admin");
        String session = signedIn.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-lt_admin="))
                .findFirst()
                .orElseThrow();
        assertThat(session)
                .contains("Secure")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .contains("Path=/")
                .doesNotContainIgnoringCase("Domain=");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Answer wrongPassword = Writers.signIn(browser, Writers.ADA, "not the password");
        Answer unknownUser = Writers.signIn(browser, "nobody", "not the password");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.html().select(".notice").text())
                .isEqualTo(unknownUser.html().select(".notice").text())
                .isEqualTo("That username and password do not match a writer's account.");
        assertThat(wrongPassword.headers("Set-Cookie")).noneMatch(c -> c.startsWith("lt_admin="));
        assertThat(browser.get("/admin").status()).isEqualTo(303);
    }

    @Test
    void signInFormWithoutItsTokenIsRefused() {
        browser.get("/admin/login");

        Answer forged = browser.post(
                "/admin/login", Map.of("username", Writers.ADA, "password", Writers.ADA_PASSWORD, "csrf", "forged"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.headers("Set-Cookie")).noneMatch(c -> c.startsWith("lt_admin="));
    }

    @Test
    void fiveFailuresForOneUserRefuseEvenTheRightPasswordWith429AndWhenToComeBack() {
        for (int i = 0; i < 5; i++) {
            assertThat(Writers.signIn(browser, Writers.ADA, "guess " + i).status())
                    .isEqualTo(401);
        }

        Answer refused = Writers.signIn(browser, Writers.ADA, Writers.ADA_PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After"))
                .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds))
                        .isBetween(1L, Duration.ofMinutes(15).toSeconds() + 1));
        assertThat(refused.html().select(".notice").text()).startsWith("Too many failed sign-ins. Try again after");
        assertThat(browser.get("/admin").status()).isEqualTo(303);
        assertThat(Writers.signIn(new PlayerClient(browser.uri("/")), Writers.BO, Writers.BO_PASSWORD)
                        .status())
                .as("another writer from the same address is not locked out")
                .isEqualTo(303);
    }

    @Test
    void twentyFailuresFromOneAddressRefuseEveryUserFromIt() {
        for (int i = 0; i < 20; i++) {
            assertThat(Writers.signIn(browser, "guess-" + i, "password " + i).status())
                    .isEqualTo(401);
        }

        Answer refused = Writers.signIn(browser, Writers.BO, Writers.BO_PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
    }

    @Test
    void throttleLiftsWhenTheFailuresLeaveTheWindow() throws SQLException {
        for (int i = 0; i < 5; i++) {
            Writers.signIn(browser, Writers.ADA, "guess " + i);
        }
        assertThat(Writers.signIn(browser, Writers.ADA, Writers.ADA_PASSWORD).status())
                .isEqualTo(429);

        age("update admin_login_failure set failed_at = ?", Duration.ofMinutes(16));

        assertThat(Writers.signIn(browser, Writers.ADA, Writers.ADA_PASSWORD).status())
                .isEqualTo(303);
    }

    @Test
    void sessionIdleForLongerThanTheIdleTimeoutHasEnded() throws SQLException {
        Writers.signedIn(browser, Writers.ADA, Writers.ADA_PASSWORD);

        age("update admin_session set last_seen_at = ?", Duration.ofMinutes(31));

        Answer after = browser.get("/admin");
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));
        assertThat(count("select count(*) from admin_session")).isZero();
    }

    @Test
    void busySessionStillEndsAtTheAbsoluteTimeout() throws SQLException {
        Writers.signedIn(browser, Writers.ADA, Writers.ADA_PASSWORD);
        assertThat(browser.get("/admin").status()).isEqualTo(200);

        age("update admin_session set created_at = ?", Duration.ofHours(8).plusMinutes(1));

        assertThat(browser.get("/admin").status()).isEqualTo(303);
    }

    @Test
    void logoutEndsTheSessionOnTheServer() throws SQLException {
        Writers.signedIn(browser, Writers.ADA, Writers.ADA_PASSWORD);
        String sessionCookie = browser.cookie("lt_admin").orElseThrow();
        String csrf = Writers.csrf(browser.get("/admin").html());

        Answer out = browser.post("/admin/logout", Map.of("csrf", csrf));

        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).hasValueSatisfying(l -> assertThat(l).contains("/admin/login"));
        assertThat(count("select count(*) from admin_session")).isZero();
        PlayerClient replay = new PlayerClient(browser.uri("/"));
        replay.setCookie("lt_admin", sessionCookie);
        assertThat(replay.get("/admin").status())
                .as("the old cookie opens nothing")
                .isEqualTo(303);
    }

    @Test
    void signingInIssuesAFreshRandomSessionIdNotOneTheBrowserAlreadyHeld() {
        String planted = "A".repeat(43);
        browser.setCookie("lt_admin", planted);
        PlayerClient other = new PlayerClient(browser.uri("/"));

        String mine = sessionCookie(Writers.signIn(browser, Writers.ADA, Writers.ADA_PASSWORD));
        String theirs = sessionCookie(Writers.signIn(other, Writers.ADA, Writers.ADA_PASSWORD));

        assertThat(mine).isNotEqualTo(planted).hasSize(43).isNotEqualTo(theirs);
        PlayerClient attacker = new PlayerClient(browser.uri("/"));
        attacker.setCookie("lt_admin", planted);
        assertThat(attacker.get("/admin").status())
                .as("the planted id opens nothing")
                .isEqualTo(303);
    }

    @Test
    void postWithoutTheSessionsCsrfTokenIsRejected() throws SQLException {
        Writers.signedIn(browser, Writers.ADA, Writers.ADA_PASSWORD);

        Answer noToken = browser.post("/admin/logout", Map.of());
        Answer wrongToken = browser.post("/admin/logout", Map.of("csrf", "x".repeat(43)));
        Answer wrongHeader = browser.send(HttpRequest.newBuilder(browser.uri("/admin/logout"))
                .header("HX-Request", "true")
                .header("X-CSRF-Token", "nope")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(noToken.status()).isEqualTo(403);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(wrongHeader.status()).isEqualTo(403);
        assertThat(noToken.html().select(".problem").text()).contains("Reload the page");
        assertThat(count("select count(*) from admin_session"))
                .as("still signed in")
                .isEqualTo(1);
    }

    @Test
    void htmxRequestWithTheTokenInItsHeaderIsAccepted() throws SQLException {
        Writers.signedIn(browser, Writers.ADA, Writers.ADA_PASSWORD);
        String csrf = Writers.csrf(browser.get("/admin").html());

        Answer out = browser.send(HttpRequest.newBuilder(browser.uri("/admin/logout"))
                .header("HX-Request", "true")
                .header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(out.status()).isEqualTo(303);
        assertThat(count("select count(*) from admin_session")).isZero();
    }

    @Test
    void signInPageOfASignedInWriterGoesToTheRoom() {
        Writers.signedIn(browser, Writers.ADA, Writers.ADA_PASSWORD);

        Answer login = browser.get("/admin/login");

        assertThat(login.status()).isEqualTo(303);
        assertThat(login.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
    }

    private static String sessionCookie(Answer signedIn) {
        String header = signedIn.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("lt_admin="))
                .findFirst()
                .orElseThrow();
        return header.substring("lt_admin=".length(), header.indexOf(';'));
    }

    private static void age(String update, Duration ago) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setObject(1, Instant.now().minus(ago).atOffset(ZoneOffset.UTC));
            statement.executeUpdate();
        }
    }

    private static int count(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
