package com.liminaltransit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.google.gson.JsonObject;
import com.liminaltransit.testing.ServerProcess;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ReducedMotion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WCAG 2.2 AA on every page and state a player meets, JavaScript on and off, held by axe-core ({@link Axe}); and
 * what axe cannot see: where focus is after each action, that the new stop is on screen, that each stop is announced
 * once, and that nothing scrolls sideways on a phone or at 320 px with text at 200 %. Screenshots of a phone's view go
 * to {@code target/e2e-screenshots/accessibility/}. What this class checks is what {@code /accessibility} promises.
 */
class AccessibilityE2EIT {

    private static final int MAX_STOPS = 20;
    private static final String STATUS_WORDS = "The train is writing the next stop…";

    /** Every kind of live region a screen reader listens to. */
    private static final String LIVE_REGIONS =
            "[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log], [role=marquee], [role=timer]";

    /**
     * Records, from the first byte of each page, what a screen reader would be told without moving: every text that
     * appears inside a live region (added or changed), and every element that receives focus.
     */
    private static final String LISTENER = """
            window.__live = []; window.__focus = [];
            const LIVE = '%s';
            new MutationObserver(records => {
              for (const record of records) {
                const at = record.target.nodeType === 1 ? record.target : record.target.parentElement;
                const region = at && at.closest(LIVE);
                let text = '';
                if (region) {
                  text = record.type === 'characterData' ? record.target.data
                      : [...record.addedNodes].map(n => n.textContent).join('');
                } else {
                  for (const n of record.addedNodes) {
                    if (n.nodeType !== 1) continue;
                    for (const r of [n, ...n.querySelectorAll(LIVE)]) {
                      if (r.matches(LIVE)) text += r.textContent;
                    }
                  }
                }
                if (text.trim()) window.__live.push(text.trim());
              }
            }).observe(document, {subtree: true, childList: true, characterData: true});
            document.addEventListener('focusin', e => window.__focus.push(
                e.target.tagName.toLowerCase() + (e.target.id ? '#' + e.target.id : '')
                + (e.target.className ? '.' + String(e.target.className).split(' ').join('.') : '')), true);
            """.formatted(LIVE_REGIONS);

    /** The elements whose right edge is past the screen's, to say what made a page scroll sideways. */
    private static final String WIDE = "() => { const w = document.scrollingElement.clientWidth;"
            + " return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w)"
            + ".map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40)); }";

    private static ServerProcess server;
    private static String base;
    private static Chromium chromium;

    @BeforeAll
    static void startServerAndBrowser() {
        // three boardings an hour per player, so a fourth meets the 429 page
        server = ServerProcess.start(Map.of("liminal.limits.board-per-player", "3/1h"));
        base = server.base().toString();
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

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void thePlatformBoardingAndTheStatementPassAxeAndEveryPageLinksTheStatement(boolean javaScript) {
        Page page = chromium.newPlayer(javaScript);
        String mode = mode(javaScript);
        Chromium.screenshotOnFailure(page, fileName("accessibility-pages-" + mode), () -> {
            page.navigate(base + "/");
            assertMeasured(Axe.assertNoViolations(page, "the landing page, " + mode));

            page.locator("footer a[href='/accessibility']").click();
            page.waitForURL("**/accessibility");
            assertThat(page.locator("h1")).hasText("Accessibility");
            assertThat(page.locator("main")).containsText("axe-core");
            assertThat(page.locator("main")).containsText("How to tell us of a problem");
            assertMeasured(Axe.assertNoViolations(page, "/accessibility, " + mode));

            page.navigate(base + "/");
            page.locator("form[action='/stories'] button").click();
            page.waitForURL("**/stories/*");
            assertThat(page.locator("footer a[href='/accessibility']")).hasCount(1);
            assertMeasured(Axe.assertNoViolations(page, "boarding, " + mode));

            page.navigate(base + "/");
            assertThat(page.locator(".ride-list a")).hasCount(1);
            assertMeasured(Axe.assertNoViolations(page, "the landing page with a ride, " + mode));
        });
    }

    @Test
    void withJavaScriptEachStopTakesFocusIsInViewAndIsAnnouncedOnceToTheEnd() {
        Page page = chromium.newPlayer(
                new Browser.NewContextOptions().setViewportSize(390, 844).setReducedMotion(ReducedMotion.REDUCE));
        page.context().addInitScript(LISTENER);
        Chromium.screenshotOnFailure(page, "accessibility-ride-javascript", () -> {
            page.navigate(base + "/");
            page.locator("form[action='/stories'] button").click();
            page.waitForURL("**/stories/*");
            Object historyAtBoarding = page.evaluate("history.length");
            assertThat(page.locator(LIVE_REGIONS)).hasCount(1);
            assertThat(page.locator("form.choices [role=status]")).isEmpty();

            int stop = 0;
            while (page.locator("article.stop.ending").count() == 0) {
                assertThat(stop).as("the ride ends within %d stops", MAX_STOPS).isLessThan(MAX_STOPS);
                assertPlainLinks(page, stop, true);
                // keyboard only: from the stop's heading, Tab to a choice and press Enter
                if (stop == 0) {
                    page.locator("#stop-0").focus();
                }
                page.evaluate("() => { window.__live = []; window.__focus = []; }");
                tabToTheFirstChoice(page, stop);
                page.keyboard().press("Enter");

                stop++;
                Locator heading = page.locator("#stop-" + stop);
                assertThat(heading).isFocused();
                // reduced motion: the stop is in view the moment it has focus, no glide
                assertInViewport(page, heading, "stop " + stop + " as it takes focus");
                String passage = page.locator("article.stop[data-stop='" + stop + "'] .passage")
                        .textContent();
                @SuppressWarnings("unchecked")
                List<String> live = (List<String>) page.evaluate("window.__live");
                @SuppressWarnings("unchecked")
                List<String> focus = (List<String>) page.evaluate("window.__focus");
                // the stop is streamed: its one status says it is being written, then how it ended; never its prose
                assertThat(live)
                        .as("what live regions said during stop %d", stop)
                        .hasSize(2)
                        .noneMatch(said -> said.contains(passage.strip().substring(0, 20)));
                assertThat(live.getFirst()).isEqualTo(STATUS_WORDS);
                assertThat(live.getLast())
                        .matches("Stop " + stop + ": (one|two|three|four) choices?|Terminus: the ride has ended\\.");
                assertThat(focus)
                        .as("what took focus during stop %d", stop)
                        .filteredOn(f -> f.contains("stop-title"))
                        .containsExactly("h2#stop-" + stop + ".stop-title");
                assertThat(page.locator("form.choices .working:not(:empty)")).hasCount(0);
                // the choices' status and the newest stream's
                assertThat(page.locator(LIVE_REGIONS))
                        .hasCount(page.locator("form.choices").count() + 1);
                if (stop == 3) {
                    assertMeasured(Axe.assertNoViolations(page, "a ride at stop 3, JavaScript on"));
                    assertNoSidewaysScroll(page, "a ride at stop 3, JavaScript on");
                }
            }

            assertThat(page).hasTitle("The end of the line · Liminal Transit");
            assertThat(page.locator("h1")).hasText("The end of the line");
            assertPlainLinks(page, stop, false);
            assertMeasured(Axe.assertNoViolations(page, "the end of the line, JavaScript on"));
            assertThat(page.evaluate("history.length"))
                    .as("a ride with JavaScript adds nothing to the history: Back leaves it at once")
                    .isEqualTo(historyAtBoarding);

            page.locator(".stop-nav a[href='#journey-so-far']").click();
            assertThat(page.locator("#journey-so-far")).isFocused();
            page.locator(".journey-so-far a[href='#stop-1']").click();
            assertThat(page.locator("#stop-1")).isFocused();
            assertInViewport(page, page.locator("#stop-1"), "stop 1 from the journey so far");
        });
    }

    @Test
    void withoutJavaScriptEachChoiceLandsAtTheNewStopWithItsHeadingFocused() {
        Page page = chromium.newPlayer(false);
        Chromium.screenshotOnFailure(page, "accessibility-ride-no-javascript", () -> {
            page.navigate(base + "/");
            page.locator("form[action='/stories'] button").click();
            page.waitForURL("**/stories/*");
            String ride = page.url();

            int stop = 0;
            while (page.locator("article.stop.ending").count() == 0) {
                assertThat(stop).as("the ride ends within %d stops", MAX_STOPS).isLessThan(MAX_STOPS);
                assertPlainLinks(page, stop, true);
                if (stop == 0) {
                    page.locator("#stop-0").focus();
                }
                tabToTheFirstChoice(page, stop);
                page.keyboard().press("Enter");

                stop++;
                page.waitForURL(ride + "#stop-" + stop);
                Locator heading = page.locator("#stop-" + stop);
                assertThat(heading).isFocused();
                assertInViewport(page, heading, "stop " + stop + " after a choice without JavaScript");
                if (stop == 3) {
                    assertMeasured(Axe.assertNoViolations(page, "a ride at stop 3, JavaScript off"));
                }
            }

            assertThat(page).hasTitle("The end of the line · Liminal Transit");
            assertPlainLinks(page, stop, false);
            assertMeasured(Axe.assertNoViolations(page, "the end of the line, JavaScript off"));
            tabFromTheHeadingTo(page, stop, page.getByText("Board another train"));
        });
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aChoiceTooLateForItsStopIsExplainedUnderTheNewestStopAndTakesFocus(boolean javaScript) {
        Page first = chromium.newPlayer(javaScript);
        Page second = first.context().newPage();
        String mode = mode(javaScript);
        Chromium.screenshotOnFailure(second, fileName("accessibility-conflict-" + mode), () -> {
            first.navigate(base + "/");
            first.locator("form[action='/stories'] button").click();
            first.waitForURL("**/stories/*");
            String ride = first.url();
            second.navigate(ride);
            for (int stop = 1; stop <= 2; stop++) {
                first.locator("button.choice").first().click();
                assertThat(first.locator("#stop-" + stop)).isFocused();
            }
            second.navigate(ride);
            first.locator("button.choice").first().click();
            assertThat(first.locator("#stop-3")).isFocused();

            second.locator("button.choice").last().click();

            Locator notice = second.locator("#notice .notice");
            assertThat(notice).containsText("already answered");
            assertThat(notice).isFocused();
            assertInViewport(second, notice, "the 409 notice, " + mode);
            assertThat(second.locator("#journey article.stop")).hasCount(4);
            assertMeasured(Axe.assertNoViolations(second, "a choice too late (409), " + mode));
        });
    }

    @Test
    void aChoiceThatNeverReachesTheTrainIsSaidUnderTheNewestStopAndTakesFocus() {
        Page page = chromium.newPlayer(true);
        Chromium.screenshotOnFailure(page, "accessibility-send-error", () -> {
            String ride = boardAndRide(page, 3);
            page.route(ride + "/choices", Route::abort);

            page.locator("button.choice").first().click();

            Locator notice = page.locator("#notice .notice");
            assertThat(notice).containsText("did not reach the train");
            assertThat(notice).isFocused();
            assertInViewport(page, notice, "the notice of a choice that never left");
            assertThat(page.locator("form.choices .working")).isEmpty();
            assertMeasured(Axe.assertNoViolations(page, "a choice that never reached the train, JavaScript on"));

            page.unroute(ride + "/choices");
            page.locator("button.choice").first().click();
            assertThat(page.locator("#stop-4")).isFocused();
            assertThat(page.locator("#notice")).isEmpty();
        });
    }

    @Test
    void errorsAnsweringAChoiceArriveUnderTheNewestStopAndTakeFocus() {
        Page stranger = chromium.newPlayer(true);
        Page page = chromium.newPlayer(true);
        Chromium.screenshotOnFailure(page, "accessibility-error-fragments", () -> {
            String strangersRide = boardAndRide(stranger, 0);
            String ride = boardAndRide(page, 3);
            Map<String, String> elsewhere = Map.of(
                    "404", base + "/stories/" + UUID.randomUUID() + "/choices", "403", strangersRide + "/choices");
            for (Map.Entry<String, String> error : elsewhere.entrySet()) {
                // the page's own choice, answered as if the ride had gone (404) or were someone else's (403)
                page.route(
                        ride + "/choices", route -> route.resume(new Route.ResumeOptions().setUrl(error.getValue())));
                page.locator("button.choice").first().click();

                Locator problem = page.locator("#notice .problem");
                assertThat(problem).hasAttribute("data-status", error.getKey());
                assertThat(problem).isFocused();
                assertInViewport(page, problem, "the " + error.getKey() + " notice");
                assertMeasured(Axe.assertNoViolations(page, "a " + error.getKey() + " under the stop, JavaScript on"));
                page.unroute(ride + "/choices");
            }
        });
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void theNotFoundForbiddenAndTooManyPagesPassAxeAndTakeFocus(boolean javaScript) {
        String mode = mode(javaScript);
        Page owner = chromium.newPlayer(javaScript);
        Page page = chromium.newPlayer(javaScript);
        Chromium.screenshotOnFailure(page, fileName("accessibility-error-pages-" + mode), () -> {
            page.navigate(base + "/stories/" + UUID.randomUUID());
            assertProblemPage(page, 404, "not found, " + mode);

            // a choice sent to someone else's ride, as a stale or forged form would
            String ride = boardAndRide(owner, 0);
            page.route(
                    ride + "/choices",
                    route -> route.resume(new Route.ResumeOptions()
                            .setMethod("POST")
                            .setHeaders(Map.of("Content-Type", "application/x-www-form-urlencoded"))
                            .setPostData("step=0&choice=a")));
            page.navigate(ride + "/choices");
            assertProblemPage(page, 403, "not your ride, " + mode);

            for (int boarding = 1; boarding <= 4; boarding++) {
                page.navigate(base + "/");
                page.locator("form[action='/stories'] button").click();
                page.waitForLoadState();
            }
            assertProblemPage(page, 429, "too many tries, " + mode);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "phone, JavaScript on",
                "phone, JavaScript off",
                "320px at 200%, JavaScript on",
                "320px at 200%, JavaScript off"
            })
    void nothingScrollsSidewaysOnAPhoneOrAt320PixelsWithTextAt200Percent(String screen) {
        boolean narrow = screen.startsWith("320");
        boolean javaScript = screen.endsWith("on");
        // reduced motion: the screen is still when it is photographed
        Page page = chromium.newPlayer(new Browser.NewContextOptions()
                .setJavaScriptEnabled(javaScript)
                .setViewportSize(narrow ? 320 : 390, narrow ? 640 : 844)
                .setReducedMotion(ReducedMotion.REDUCE));
        String name = fileName(screen);
        Chromium.screenshotOnFailure(page, "accessibility-" + name, () -> {
            if (narrow) {
                // the browser's own text size at 200 % (as a player sets it), not a page zoom
                JsonObject sizes = new JsonObject();
                sizes.addProperty("standard", 32);
                sizes.addProperty("fixed", 26);
                JsonObject fontSizes = new JsonObject();
                fontSizes.add("fontSizes", sizes);
                page.context().newCDPSession(page).send("Page.setFontSizes", fontSizes);
            }
            page.navigate(base + "/");
            if (narrow) {
                assertThat(page.evaluate("getComputedStyle(document.documentElement).fontSize"))
                        .isEqualTo("36px");
            }
            check(page, screen, "landing");
            page.navigate(base + "/accessibility");
            check(page, screen, "accessibility");
            page.navigate(base + "/stories/" + UUID.randomUUID());
            check(page, screen, "not-found");

            String ride = boardAndRide(page, 3);
            page.navigate(ride + "#stop-3");
            check(page, screen, "mid-ride");
            while (page.locator("article.stop.ending").count() == 0) {
                int stops = page.locator("article.stop").count();
                page.locator("button.choice").first().click();
                assertThat(page.locator("#stop-" + stops)).isFocused();
            }
            check(page, screen, "ending");
            page.navigate(base + "/");
            check(page, screen, "landing-with-a-ride");
        });
    }

    private static void check(Page page, String screen, String what) {
        assertNoSidewaysScroll(page, what + ", " + screen);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(screenshots().resolve(fileName(screen) + "-" + what + ".png")));
    }

    /** Boards and makes {@code choices} choices; returns the ride's address (without a fragment). */
    private static String boardAndRide(Page page, int choices) {
        page.navigate(base + "/");
        page.locator("form[action='/stories'] button").click();
        page.waitForURL("**/stories/*");
        String ride = page.url().replaceFirst("#.*$", "");
        for (int stop = 1; stop <= choices; stop++) {
            page.locator("button.choice").first().click();
            assertThat(page.locator("#stop-" + stop)).isFocused();
        }
        return ride;
    }

    /** The plain links under the newest stop, and the journey so far: one entry per stop. */
    private static void assertPlainLinks(Page page, int stop, boolean open) {
        Locator links = page.locator("nav.stop-nav a");
        assertThat(links.filter(new Locator.FilterOptions().setHasText("Read this stop again")))
                .hasAttribute("href", "#stop-" + stop);
        assertThat(links.filter(new Locator.FilterOptions().setHasText("The choices here")))
                .hasCount(open ? 1 : 0);
        assertThat(links.filter(new Locator.FilterOptions().setHasText("The journey so far")))
                .hasAttribute("href", "#journey-so-far");
        assertThat(page.locator("#journey-so-far")).hasText("The journey so far");
        assertThat(page.locator(".journey-so-far li a")).hasCount(stop + 1);
        if (open) {
            assertThat(page.locator("#choices")).hasCount(1);
        }
    }

    private static void assertProblemPage(Page page, int status, String state) {
        Locator problem = page.locator(".problem");
        assertThat(problem).hasAttribute("data-status", String.valueOf(status));
        assertThat(problem).isFocused();
        assertThat(page.locator("footer a[href='/accessibility']")).hasCount(1);
        assertMeasured(Axe.assertNoViolations(page, state));
    }

    /** Every text's contrast was measured, none left undecided (as it would be over a gradient or an image). */
    private static void assertMeasured(AxeResults results) {
        assertThat(results.getIncomplete())
                .extracting(Rule::getId)
                .as("rules axe could not decide on %s", results.getUrl())
                .doesNotContain("color-contrast", "color-contrast-enhanced");
    }

    private static void assertInViewport(Page page, Locator element, String what) {
        BoundingBox box = element.boundingBox();
        int height = page.viewportSize().height;
        assertThat(box).as("%s has a box", what).isNotNull();
        // a pixel of slack: layout positions are fractional, and a box whose edge meets the screen's is in view
        assertThat(box.y).as("top of %s within the screen", what).isBetween(-1.0, (double) height);
        assertThat(box.y + Math.min(box.height, height))
                .as("%s within the screen", what)
                .isLessThanOrEqualTo(height + 1.0);
    }

    private static void assertNoSidewaysScroll(Page page, String what) {
        Object overflow =
                page.evaluate("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("pixels %s scrolls sideways, past the screen: %s", what, page.evaluate(WIDE))
                .isLessThanOrEqualTo(0);
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("e2e.screenshots", "target/e2e-screenshots"), "accessibility");
    }

    private static String fileName(String words) {
        return words.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String mode(boolean javaScript) {
        return javaScript ? "JavaScript on" : "JavaScript off";
    }

    /**
     * From the stop's heading, Tab reaches its first choice, passing at most the stop's own links (its permalink,
     * its other versions) on the way: nothing outside the stop stands between a player and the choices.
     */
    private static void tabToTheFirstChoice(Page page, int stop) {
        tabFromTheHeadingTo(page, stop, page.locator("button.choice").first());
    }

    /** From stop {@code stop}'s heading, Tab reaches {@code target}, passing only the stop's own links on the way. */
    private static void tabFromTheHeadingTo(Page page, int stop, Locator target) {
        for (int presses = 1; presses <= 4; presses++) {
            page.keyboard().press("Tab");
            if ((Boolean) target.evaluate("b => b === document.activeElement")) {
                return;
            }
            assertThat(page.evaluate(
                            "s => document.activeElement.closest('article.stop[data-stop=\\'' + s + '\\']') !== null",
                            stop))
                    .as("Tab %d from stop %d's heading stays within the stop until %s", presses, stop, target)
                    .isEqualTo(true);
        }
        throw new AssertionError("four Tabs from stop " + stop + "'s heading did not reach " + target);
    }
}
