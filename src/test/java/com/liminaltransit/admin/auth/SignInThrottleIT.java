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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle under attack, on H2 in-process, counting real bcrypt checks ({@link Passwords#checks()}):
 * racing guesses are counted before any password is checked, one attempt per name and per address is in flight,
 * names are one spelling, a stranger's guesses cannot lock a writer out of an address they signed in from, and
 * a password bcrypt cannot read whole never signs in.
 */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = SignInThrottleIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada, bo, " + SignInThrottleIT.CY)
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
@AddConfig(key = "liminal.admin.bo.password-hash", value = Writers.BO_HASH)
@AddConfig(key = "liminal.admin.cy.password-hash", value = SignInThrottleIT.CY_HASH)
@AddConfig(key = "liminal.web.trust-forwarded", value = "true")
class SignInThrottleIT {

    static final String DB = "jdbc:h2:mem:sign-in-throttle;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    /** A writer whose password is exactly 72 bytes, all of which bcrypt reads. */
    static final String CY = "cy";

    static final String CY_PASSWORD = "the night train runs on a line no map will show you; keep your ticket!!!";
    static final String CY_HASH = "$2y$04$sY4nJLQKT4ZogF/i.jNqTeorBqg3RZCekRPcoCjYPXavz/m/HfRmC";

    private static final int GUESSES = 40;
    private static final int PER_USER = 5;

    @Inject
    private WebTarget target;

    @Inject
    private Passwords passwords;

    @BeforeEach
    void noHistory() throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from admin_login_failure");
            statement.executeUpdate("delete from admin_login_claim");
            statement.executeUpdate("delete from admin_known_address");
            statement.executeUpdate("delete from admin_session");
        }
    }

    @Test
    void fortySimultaneousGuessesForOneWriterGetAtMostFivePasswordChecksAndThenTheRightOneIsRefused() throws Exception {
        // given forty browsers with a sign-in form each, guessing ada's password from one address
        long before = passwords.checks();
        // when they send their guesses at the same moment, burst after burst until the limit is reached
        int failures = 0;
        for (int round = 0; round < 20 && failures < PER_USER; round++) {
            List<Answer> answers = burst("10.0.0.66", "ada", i -> "guess " + i);
            // then each burst gets answers from the throttle or the checked password, never a sign-in
            assertThat(answers).extracting(Answer::status).allMatch(s -> s == 401 || s == 429);
            failures += (int) answers.stream().filter(a -> a.status() == 401).count();
            assertThat(passwords.checks() - before)
                    .as("bcrypt checks so far, each a counted failure")
                    .isEqualTo(failures)
                    .isLessThanOrEqualTo(PER_USER);
        }
        assertThat(failures).isEqualTo(PER_USER);

        // when the limit is hit, a burst with the right password among forty guesses checks nothing and signs nobody in
        long atLimit = passwords.checks();
        List<Answer> last = burst("10.0.0.66", "ada", i -> i == 17 ? Writers.ADA_PASSWORD : "guess " + i);
        assertThat(last).extracting(Answer::status).containsOnly(429);
        assertThat(passwords.checks()).isEqualTo(atLimit);
        assertThat(count("select count(*) from admin_session")).isZero();
        assertThat(count("select count(*) from admin_login_claim"))
                .as("every attempt let its claims go")
                .isZero();
    }

    @Test
    void anAttemptInFlightForANameOrFromAnAddressTurnsAnotherAwayWithoutACheckUntilItsLeaseRunsOut()
            throws SQLException {
        // given another server is checking a password for ada, and another for someone from 10.0.0.9
        claim("user", "ada", Instant.now());
        claim("address", "10.0.0.9", Instant.now());
        long before = passwords.checks();

        // when ada signs in from elsewhere, and bo from 10.0.0.9
        Answer sameName = signIn(browser(), "10.0.0.1", "ada", Writers.ADA_PASSWORD);
        Answer sameAddress = signIn(browser(), "10.0.0.9", "bo", Writers.BO_PASSWORD);

        // then both are told to try again in a moment, and no password was checked
        assertThat(sameName.status()).isEqualTo(429);
        assertThat(sameName.header("Retry-After")).hasValue("1");
        assertThat(sameName.html().select(".notice").text()).contains("being checked");
        assertThat(sameAddress.status()).isEqualTo(429);
        assertThat(passwords.checks()).isEqualTo(before);

        // when the other server died mid-check and its claims are older than the lease
        age("update admin_login_claim set claimed_at = ?", Duration.ofSeconds(11));

        // then the claims are taken over
        assertThat(signIn(browser(), "10.0.0.1", "ada", Writers.ADA_PASSWORD).status())
                .isEqualTo(303);
        assertThat(signIn(browser(), "10.0.0.9", "bo", Writers.BO_PASSWORD).status())
                .isEqualTo(303);
    }

    @Test
    void spellingsOfANameAreOneWriterAndOneCount() {
        // given ada's name spelt three ways, each signs in as ada
        for (String spelling : List.of("ADA", " ada ", "Ada")) {
            PlayerClient browser = browser();
            assertThat(signIn(browser, "10.0.1.1", spelling, Writers.ADA_PASSWORD)
                            .status())
                    .as("'%s' signs in", spelling)
                    .isEqualTo(303);
            assertThat(browser.get("/admin").html().select("h1").text()).contains("ada");
        }
        // when wrong guesses use the spellings in turn from an address ada never used
        List<String> spellings = List.of("ADA", " ada ", "Ada", "aDa", "ada\t");
        for (String spelling : spellings) {
            assertThat(signIn(browser(), "10.0.1.2", spelling, "wrong").status())
                    .isEqualTo(401);
        }
        // then they counted against one name: the sixth is refused, whichever spelling
        assertThat(signIn(browser(), "10.0.1.2", "ada", Writers.ADA_PASSWORD).status())
                .isEqualTo(429);
    }

    @Test
    void aStrangersGuessesLockTheNameEverywhereButWhereTheWriterSignedInBefore() {
        // given ada signed in from her desk once
        assertThat(signIn(browser(), "10.0.2.1", "ada", Writers.ADA_PASSWORD).status())
                .isEqualTo(303);
        // when a stranger spends the name's five guesses from elsewhere
        for (int i = 0; i < PER_USER; i++) {
            assertThat(signIn(browser(), "10.6.6.6", "ada", "guess " + i).status())
                    .isEqualTo(401);
        }
        // then the stranger, even with the right password, and ada from a new address are refused ...
        long before = passwords.checks();
        assertThat(signIn(browser(), "10.6.6.6", "ada", Writers.ADA_PASSWORD).status())
                .isEqualTo(429);
        assertThat(signIn(browser(), "10.0.2.99", "ada", Writers.ADA_PASSWORD).status())
                .isEqualTo(429);
        assertThat(passwords.checks()).isEqualTo(before);
        // ... while ada at her desk signs in, and a wrong password from there still fails and is counted
        assertThat(signIn(browser(), "10.0.2.1", "ada", "a typo").status()).isEqualTo(401);
        assertThat(signIn(browser(), "10.0.2.1", "ada", Writers.ADA_PASSWORD).status())
                .isEqualTo(303);
        // and her success forgave only her own typo: the stranger is still locked out
        assertThat(signIn(browser(), "10.6.6.6", "ada", Writers.ADA_PASSWORD).status())
                .isEqualTo(429);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedNotMatchedOnItsFirstSeventyTwoBytes() {
        // given cy's password is exactly 72 bytes
        assertThat(CY_PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSize(72);
        long before = passwords.checks();

        // when someone sends it with more after it (bcrypt alone would read the same 72 bytes)
        Answer longer = signIn(browser(), "10.0.3.1", CY, CY_PASSWORD + " and then some");
        Answer multibyte = signIn(browser(), "10.0.3.1", CY, CY_PASSWORD + "é");

        // then it fails like any wrong password, without a check, and is counted
        assertThat(longer.status()).isEqualTo(401);
        assertThat(multibyte.status()).isEqualTo(401);
        assertThat(longer.html().select(".notice").text())
                .isEqualTo("That username and password do not match a writer's account.");
        assertThat(passwords.checks()).isEqualTo(before);
        assertThat(signIn(browser(), "10.0.3.1", CY, CY_PASSWORD).status()).isEqualTo(303);
    }

    /** Forty browsers open the form, then post together; every answer within a bound. */
    private List<Answer> burst(String address, String username, IntFunction<String> password) throws Exception {
        List<PlayerClient> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            PlayerClient browser = browser();
            browsers.add(browser);
            tokens.add(formToken(browser));
        }
        ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
        try {
            CountDownLatch ready = new CountDownLatch(GUESSES);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < GUESSES; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    assertThat(go.await(30, TimeUnit.SECONDS)).isTrue();
                    return post(browsers.get(n), address, username, password.apply(n), tokens.get(n));
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Answer> all = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                all.add(answer.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private PlayerClient browser() {
        return new PlayerClient(URI.create(target.getUri().toString()));
    }

    private static Answer signIn(PlayerClient browser, String address, String username, String password) {
        return post(browser, address, username, password, formToken(browser));
    }

    private static String formToken(PlayerClient browser) {
        return browser.get("/admin/login")
                .html()
                .selectFirst("form.login-form input[name=csrf]")
                .val();
    }

    private static Answer post(PlayerClient browser, String address, String username, String password, String csrf) {
        return browser.send(HttpRequest.newBuilder(browser.uri("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(
                        PlayerClient.encode(Map.of("username", username, "password", password, "csrf", csrf)))));
    }

    private static void claim(String scope, String subject, Instant at) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement insert = connection.prepareStatement(
                        "insert into admin_login_claim (scope, subject, attempt, claimed_at) values (?, ?, ?, ?)")) {
            insert.setString(1, scope);
            insert.setString(2, subject);
            insert.setString(3, "another-server");
            insert.setObject(4, at.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
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
