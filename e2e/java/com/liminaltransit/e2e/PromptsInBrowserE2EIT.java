package com.liminaltransit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.anthropic.AnthropicWire;
import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.ServerProcess;
import com.liminaltransit.testing.VendorStub;
import com.liminaltransit.testing.Writers;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A writer in Chromium against the packaged server, with OpenAI and Anthropic stubs configured beside the
 * players' {@code offline} chain: signs in, edits the step template into a new version, previews it on both
 * providers side by side (each column loading on its own), publishes it, and a new player's ride then records the
 * new version; no console error or CSP violation.
 */
class PromptsInBrowserE2EIT {

    private static final String MARKER = "Mention the lamp that hums in the corridor.";

    private static VendorStub openai;
    private static VendorStub anthropic;
    private static ServerProcess server;
    private static Chromium chromium;

    @BeforeAll
    static void startServerStubsAndBrowser() {
        openai = VendorStub.start(new OpenAiWire());
        anthropic = VendorStub.start(new AnthropicWire());
        server = ServerProcess.start(Map.of(
                "liminal.admin.users",
                Writers.ADA,
                "liminal.admin.ada.password-hash",
                Writers.ADA_HASH,
                "liminal.ai.openai.base-url",
                openai.uri() + "/v1",
                "liminal.ai.openai.api-key",
                "sk-e2e",
                "liminal.ai.openai.model",
                "gpt-stub",
                "liminal.ai.anthropic.base-url",
                anthropic.uri().toString(),
                "liminal.ai.anthropic.api-key",
                "sk-ant-e2e",
                "liminal.ai.anthropic.model",
                "claude-stub"));
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
        if (openai != null) {
            openai.close();
        }
        if (anthropic != null) {
            anthropic.close();
        }
    }

    @Test
    void writerEditsPreviewsOnTwoProvidersPublishesAndANewRideRecordsTheVersion() {
        Page page = chromium.newPlayer(true);
        page.setViewportSize(1280, 900);
        List<String> browserErrors = collectErrors(page);
        Chromium.screenshotOnFailure(page, "prompts", () -> {
            // sign in
            page.navigate(server.base() + "/admin");
            page.waitForURL("**/admin/login");
            page.getByLabel("Username").fill(Writers.ADA);
            page.getByLabel("Password").fill(Writers.ADA_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            page.waitForURL(Pattern.compile(".*/admin$"));

            // edit the step template into a new version
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Prompts").setExact(true))
                    .first()
                    .click();
            page.waitForURL("**/admin/prompts");
            assertThat(page.locator("#published-version")).hasText("version 1");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a new version"))
                    .click();
            page.waitForURL("**/admin/prompts/new**");
            String step = page.getByLabel("Step template").inputValue();
            page.getByLabel("Step template").fill(step.strip() + "\n" + MARKER);
            page.getByLabel("Note (what changed, optional)").fill("the humming lamp");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version"))
                    .click();
            page.waitForURL("**/admin/prompts/2");
            assertThat(page.locator("h1")).hasText("Prompt version 2");
            assertThat(page.locator("#step-text")).containsText(MARKER);

            // preview it on two providers side by side
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Preview").setExact(true))
                    .last()
                    .click();
            page.waitForURL("**/admin/preview?version=2");
            page.getByLabel("Seed (for a fresh ride)").fill("7");
            page.getByLabel("Provider 1").selectOption("openai");
            page.getByLabel("Provider 2").selectOption("anthropic");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the prompt and run"))
                    .click();
            page.waitForURL("**/admin/preview?**");
            assertThat(page.locator("#prompt-user")).containsText(MARKER);
            assertThat(page.locator("#prompt-tokens")).hasText(Pattern.compile("≈ \\d+ tokens"));
            for (int column = 0; column < 2; column++) {
                assertThat(page.locator("#column-" + column + " .result .verdict"))
                        .hasText("Valid");
                assertThat(page.locator("#column-" + column + " .result .passage"))
                        .containsText("The stub train glides");
                assertThat(page.locator("#column-" + column + " .result .choice-list li"))
                        .hasCount(3);
            }
            assertThat(page.locator("#column-0 .result")).hasAttribute("data-provider", "openai");
            assertThat(page.locator("#column-1 .result")).hasAttribute("data-provider", "anthropic");
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(Path.of(
                            System.getProperty("e2e.screenshots", "target/e2e-screenshots"), "admin-preview.png")));
            assertThat(openai.requests())
                    .singleElement()
                    .satisfies(r -> assertThat(r.body()).contains(MARKER));
            assertThat(anthropic.requests())
                    .singleElement()
                    .satisfies(r -> assertThat(r.body()).contains(MARKER));

            // publish it
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Prompts").setExact(true))
                    .first()
                    .click();
            page.waitForURL("**/admin/prompts");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish 2"))
                    .click();
            page.waitForURL("**/admin/prompts");
            assertThat(page.locator("#published-version")).hasText("version 2");

            // a new player boards, and the ride records version 2
            Page player = chromium.newPlayer(false);
            player.navigate(server.base() + "/");
            player.locator("form[action='/stories'] button").click();
            player.waitForURL("**/stories/*");
            String rideId = player.url().substring(player.url().lastIndexOf('/') + 1);
            player.locator("form.choices button.choice").first().click();
            player.waitForURL("**/stories/" + rideId + "#stop-1");

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Preview").setExact(true))
                    .first()
                    .click();
            page.waitForURL("**/admin/preview");
            page.getByLabel("Ride", new Page.GetByLabelOptions().setExact(true)).selectOption(rideId);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the prompt and run"))
                    .click();
            assertThat(page.locator("#ride-steps tr[data-stop] .prompt-version"))
                    .hasText(new String[] {"2", "2"});
            player.context().close();
        });
        assertThat(browserErrors).as("console errors and CSP violations").isEmpty();
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
