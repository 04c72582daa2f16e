package com.liminaltransit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.ServerProcess;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journey in a real Chromium against the packaged server, with JavaScript on (htmx) and off (plain forms and
 * links): a ride of three stops, stop 1's permalink with its heading focused, another door taken there (a branch),
 * the map of the two rides, the branch's open stop asked again, and the ride continued from its first version.
 */
class JourneyInBrowserE2EIT {

    private static ServerProcess server;
    private static String base;
    private static Chromium chromium;

    @BeforeAll
    static void startServerAndBrowser() {
        server = ServerProcess.start(Map.of());
        base = server.base().toString().replaceAll("/+$", "");
        chromium = new Chromium();
    }

    @AfterAll
    static void stopServerAndBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void branchReadTheMapAndAskAgainWithJavaScriptOff() {
        Page page = chromium.newPlayer(false);
        Chromium.screenshotOnFailure(page, "journey-without-javascript", () -> {
            String ride = boardAndChooseTwice(page, false);

            // stop 1's permalink: the ride up to it, its heading focused without any script
            page.locator("article[data-stop='1'] a.permalink").click();
            page.waitForURL("**/stops/1");
            assertThat(page.locator("#journey article.stop")).hasCount(2);
            assertThat(page.locator("#stop-1")).isFocused();
            Axe.assertNoViolations(page, "a stop's permalink, JavaScript off");

            // another door at stop 1: a new ride, sent there with the new stop in view
            String door = takeFirstOtherDoor(page, ride);
            assertThat(page.locator("#journey article.stop")).hasCount(3);
            assertThat(page.locator("#chosen-1")).hasText("You chose: " + door);
            assertThat(page.locator("article[data-stop='2']")).isInViewport();
            String branch = rideOf(page.url());
            Axe.assertNoViolations(page, "a branch, JavaScript off");

            // the map: both rides, the branch marked as the one we came from
            readTheMap(page, ride, branch);
            Axe.assertNoViolations(page, "the map, JavaScript off");

            // the branch's open stop, asked again: version 2 of 2, focused
            page.locator(".family-tree a[aria-current]").click();
            page.waitForURL("**/stories/" + branch);
            page.locator("form.ask-again button").click();
            page.waitForURL("**/stories/" + branch + "/stops/2?version=2");
            assertThat(page.locator("article[data-stop='2'] .version-of")).hasText("Version 2 of 2");
            assertThat(page.locator("#stop-2")).isFocused();
            Axe.assertNoViolations(page, "a stop asked again, JavaScript off");

            // read version 1 and go on from it
            continueFromVersionOne(page, branch);
            page.waitForURL("**/stories/" + branch + "#stop-3");
            assertThat(page.locator("#journey article.stop")).hasCount(4);
            assertThat(page.locator("article[data-stop='2'] .version-of")).hasText("Version 1 of 2");

            readTheTranscript(page, branch);
        });
    }

    @Test
    void branchReadTheMapAndAskAgainWithJavaScript() {
        Page page = chromium.newPlayer(true);
        List<String> browserErrors = collectErrors(page);
        Chromium.screenshotOnFailure(page, "journey-with-javascript", () -> {
            String ride = boardAndChooseTwice(page, true);

            page.locator("article[data-stop='1'] a.permalink").click();
            page.waitForURL("**/stops/1");
            assertThat(page.locator("#stop-1")).isFocused();
            Axe.assertNoViolations(page, "a stop's permalink, JavaScript on");
            page.evaluate("() => { window.sameDocument = true; }");

            // htmx takes the door and loads the branch in place (HX-Location), focus on its new stop
            String door = takeFirstOtherDoor(page, ride);
            assertThat(page.locator("#journey article.stop")).hasCount(3);
            assertThat(page.locator("#chosen-1")).hasText("You chose: " + door);
            assertThat(page.locator("#stop-2")).isFocused();
            assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);
            String branch = rideOf(page.url());
            Axe.assertNoViolations(page, "a branch, JavaScript on");

            readTheMap(page, ride, branch);
            Axe.assertNoViolations(page, "the map, JavaScript on");

            page.locator(".family-tree a[aria-current]").click();
            page.waitForURL("**/stories/" + branch);
            page.evaluate("() => { window.sameDocument = true; }");
            page.locator("form.ask-again button").click();
            assertThat(page.locator("article[data-stop='2'] .version-of")).hasText("Version 2 of 2");
            assertThat(page.locator("#stop-2")).isFocused();
            assertThat(page.locator("form.ask-again")).hasCount(1);
            assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);
            Axe.assertNoViolations(page, "a stop asked again, JavaScript on");

            continueFromVersionOne(page, branch);
            assertThat(page.locator("#journey article.stop")).hasCount(4);
            assertThat(page.locator("#stop-3")).isFocused();
            page.reload();
            assertThat(page.locator("article[data-stop='2'] .version-of")).hasText("Version 1 of 2");

            readTheTranscript(page, branch);
        });
        assertThat(browserErrors).as("console errors and CSP violations").isEmpty();
    }

    /** Boards a ride and answers stops 0 and 1 with their first choice; returns the ride's id. */
    private static String boardAndChooseTwice(Page page, boolean javaScript) {
        page.navigate(base + "/");
        page.locator("form[action='/stories'] button").click();
        page.waitForURL("**/stories/*");
        String ride = rideOf(page.url());
        for (int stops = 2; stops <= 3; stops++) {
            page.locator("form.choices button.choice").first().click();
            if (!javaScript) {
                page.waitForLoadState();
            }
            assertThat(page.locator("#journey article.stop")).hasCount(stops);
        }
        return ride;
    }

    /** On an answered stop's permalink, takes the first door not taken; returns its label once at the branch. */
    private static String takeFirstOtherDoor(Page page, String ride) {
        Locator door = page.locator(".door-list li").filter(new Locator.FilterOptions().setHas(page.locator("form")));
        String label = door.first().locator(".door-label").innerText();
        door.first().locator("button").click();
        page.waitForURL(url -> url.contains("/stories/") && !url.contains(ride));
        return label;
    }

    /** Opens the map from the ride page and checks it shows both rides, the one we came from marked. */
    private static void readTheMap(Page page, String ride, String branch) {
        page.locator(".ride-nav a", new Page.LocatorOptions().setHasText("Map of this journey"))
                .click();
        page.waitForURL("**/stories/" + branch + "/map");
        assertThat(page.locator("ol.family-tree li.family-ride")).hasCount(2);
        assertThat(page.locator("figure.family-map svg a")).hasCount(4);
        assertThat(page.locator(".family-tree a[aria-current]")).hasAttribute("href", "/stories/" + branch);
        assertThat(page.locator(".family-tree a").first()).hasAttribute("href", "/stories/" + ride);
    }

    /** Opens the ride's printable transcript from its "Keep this ride" links: every stop there, no axe violation. */
    private static void readTheTranscript(Page page, String ride) {
        page.locator("nav.keep a", new Page.LocatorOptions().setHasText("a page to read or print"))
                .click();
        page.waitForURL("**/stories/" + ride + "/transcript.html");
        assertThat(page.locator("h1")).hasCount(1);
        assertThat(page.locator("h2")).not().hasCount(0);
        Axe.assertNoViolations(page, "the transcript, JavaScript " + (Axe.javaScriptOff(page) ? "off" : "on"));
    }

    /** Reads version 1 of the branch's stop 2 and answers it with its first choice. */
    private static void continueFromVersionOne(Page page, String branch) {
        page.locator("article[data-stop='2'] .stop-links a", new Page.LocatorOptions().setHasText("Read version 1"))
                .click();
        page.waitForURL("**/stories/" + branch + "/stops/2?version=1");
        assertThat(page.locator("article[data-stop='2'] .version-of")).hasText("Version 1 of 2");
        assertThat(page.locator("form.choices input[name=version]")).hasValue("1");
        page.locator("form.choices button.choice").first().click();
    }

    private static String rideOf(String url) {
        java.util.regex.Matcher matcher =
                Pattern.compile("/stories/([0-9a-f-]{36})").matcher(url);
        if (!matcher.find()) {
            throw new AssertionError("not a ride address: " + url);
        }
        return matcher.group(1);
    }

    private static List<String> collectErrors(Page page) {
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
        return errors;
    }
}
