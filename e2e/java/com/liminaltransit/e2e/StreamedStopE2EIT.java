package com.liminaltransit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liminaltransit.narrative.openai.OpenAiStreamWire;
import com.liminaltransit.testing.ServerProcess;
import com.liminaltransit.testing.StreamScript;
import com.liminaltransit.testing.StreamingStub;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A streamed stop in Chromium (issue 14): after a choice the stop's sentences are added to the page one swap at a
 * time before its choices arrive, the status says the stop is being written and then how many choices it has, and
 * focus lands on the stop's heading at the commit, with no CSP violation. With JavaScript off the same choice is a
 * POST, a 303 and the finished stop.
 */
class StreamedStopE2EIT {

    /** Records each sentence added to the page and whether the stop was already committed when it came. */
    private static final String RECORDER = """
            window.__sentences = [];
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective));
            new MutationObserver(records => {
              for (const record of records) {
                for (const node of record.addedNodes) {
                  if (node.nodeType === 1 && node.matches('span.sentence')) {
                    window.__sentences.push(document.querySelector('.stream-stop article.stop:not(.writing)') === null);
                  }
                }
              }
            }).observe(document, {subtree: true, childList: true});
            """;

    /**
     * An OpenAI-compatible server that streams each stop as a model does: the first words after 300 ms, then a few
     * words every 60 ms (the boarding, asked without streaming, cannot read its answer: offline boards).
     */
    private static final StreamingStub MODEL = StreamingStub.start(
            new OpenAiStreamWire(), StreamScript.good().paced(Duration.ofMillis(300), Duration.ofMillis(60)));

    private static ServerProcess server;
    private static Chromium chromium;

    @BeforeAll
    static void startServerAndBrowser() {
        server = ServerProcess.start(Map.of(
                "liminal.stream.enabled", "true",
                "liminal.ai.chain", "openai,offline",
                "liminal.ai.openai.model", "gpt-stub",
                "liminal.ai.openai.base-url", MODEL.uri() + "/v1",
                "com.liminaltransit.narrative.openai.OpenAiProvider/generate/Retry/maxRetries", "0"));
        chromium = new Chromium();
    }

    @AfterAll
    static void stopAll() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        MODEL.close();
    }

    @Test
    void sentencesArriveBeforeTheChoicesAndFocusLandsOnTheHeadingAtCommit() {
        Page page = chromium.newPlayer(true);
        page.addInitScript(RECORDER);
        Chromium.screenshotOnFailure(page, "streamed-stop", () -> {
            page.navigate(server.base() + "/");
            page.locator("form[action='/stories'] button").click();
            page.waitForURL("**/stories/*");

            page.locator("form.choices button.choice").first().click();

            assertThat(page.locator(".stream-status"))
                    .hasText(java.util.regex.Pattern.compile("Stop 1: (one|two|three|four|five) choices?|Terminus.*"));
            assertThat(page.locator("#journey article.stop")).hasCount(2);
            assertThat(page.locator("#stop-1")).isFocused();
            assertThat(page.locator("form.choices button.choice").first()).isEnabled();
            assertThat(page.locator(".stream-stop")).hasAttribute("aria-live", "off");

            @SuppressWarnings("unchecked")
            List<Boolean> beforeCommit = new ArrayList<>((List<Boolean>) page.evaluate("window.__sentences"));
            assertTrue(
                    beforeCommit.stream().filter(Boolean::booleanValue).count() >= 2,
                    "at least two sentences were added before the commit: " + beforeCommit);
            assertEquals(List.of(), page.evaluate("window.__csp"), "no CSP violation");
            assertThat(page.locator("article.stop[data-stop='1'] .passage"))
                    .hasText(StreamScript.FIRST + " " + StreamScript.SECOND + " " + StreamScript.THIRD);
            Axe.assertNoViolations(page, "a streamed stop after its commit");
        });
    }

    @Test
    void withJavaScriptOffAChoiceIsStillAPostAndARedirect() {
        Page page = chromium.newPlayer(false);
        Chromium.screenshotOnFailure(page, "streamed-stop-no-js", () -> {
            page.navigate(server.base() + "/");
            page.locator("form[action='/stories'] button").click();
            page.waitForURL("**/stories/*");

            page.locator("form.choices button.choice").first().click();

            page.waitForURL("**/stories/*");
            assertThat(page.locator("#journey article.stop")).hasCount(2);
            assertThat(page.locator("[sse-connect]")).hasCount(0);
        });
    }
}
