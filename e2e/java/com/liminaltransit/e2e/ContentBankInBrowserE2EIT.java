package com.liminaltransit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.ServerProcess;
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
 * A writer in Chromium against the packaged server changes what the offline storyteller writes without a deploy:
 * opens the content bank, edits the boarding scenes into a new version, previews it on a seed and walks a choice,
 * publishes it, and a new player's ride meets the new scene; no console error or CSP violation.
 */
class ContentBankInBrowserE2EIT {

    private static final String MARKER = "A brass bell over the door rings once, for you.";

    private static ServerProcess server;
    private static Chromium chromium;

    @BeforeAll
    static void startServerAndBrowser() {
        server = ServerProcess.start(
                Map.of("liminal.admin.users", Writers.ADA, "liminal.admin.ada.password-hash", Writers.ADA_HASH));
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
    void writerEditsAScenePreviewsItPublishesItAndANewRideMeetsIt() {
        Page page = chromium.newPlayer(true);
        page.setViewportSize(1280, 900);
        List<String> browserErrors = collectErrors(page);
        Chromium.screenshotOnFailure(page, "content-bank", () -> {
            // sign in
            page.navigate(server.base() + "/admin");
            page.waitForURL("**/admin/login");
            page.getByLabel("Username").fill(Writers.ADA);
            page.getByLabel("Password").fill(Writers.ADA_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            page.waitForURL(Pattern.compile(".*/admin$"));

            // open the boarding scenes of the published version
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Content bank").setExact(true))
                    .first()
                    .click();
            page.waitForURL("**/admin/bank");
            assertThat(page.locator("#published-version")).hasText("version 1");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a new version"))
                    .click();
            page.waitForURL("**/admin/bank/new**");
            page.getByLabel("Part").selectOption("scenes-boarding.json");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open this part"))
                    .click();
            page.waitForURL("**/admin/bank/new?from=1&part=scenes-boarding.json");

            // edit every boarding scene to open with a bell, and save it as a new version
            String scenes = page.locator("#text").inputValue();
            page.locator("#text").fill(withMarker(scenes));
            page.getByLabel("Note (what changed, optional)").fill("a bell at the door");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version"))
                    .click();
            page.waitForURL("**/admin/bank/2");
            assertThat(page.locator("h1")).hasText("Content bank version 2");
            assertThat(page.locator("#version-state")).containsText("Not published");

            // preview it on a seed, and walk one choice
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preview a ride"))
                    .click();
            page.waitForURL("**/admin/bank/2/preview");
            page.getByLabel("Seed").fill("7");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Board this seed"))
                    .click();
            page.waitForURL("**/admin/bank/2/preview?seed=7");
            assertThat(page.locator("#stops li.stop[data-stop='0']")).containsText(MARKER);
            page.locator("#stops li.stop[data-stop='0'] .choice-list a").first().click();
            page.waitForURL(Pattern.compile(".*/admin/bank/2/preview\\?seed=7&path=[a-z0-9]+$"));
            assertThat(page.locator("#stops > li.stop")).hasCount(2);
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(Path.of(
                            System.getProperty("e2e.screenshots", "target/e2e-screenshots"),
                            "admin-bank-preview.png")));

            // publish it
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All versions"))
                    .click();
            page.waitForURL("**/admin/bank");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish 2"))
                    .click();
            page.waitForURL("**/admin/bank");
            assertThat(page.locator("#published-version")).hasText("version 2");

            // a new player boards and meets the new scene
            Page player = chromium.newPlayer(false);
            player.navigate(server.base() + "/");
            player.locator("form[action='/stories'] button").click();
            player.waitForURL("**/stories/*");
            assertThat(player.locator("article.stop").first()).containsText(MARKER);
            player.context().close();
        });
        assertThat(browserErrors).as("console errors and CSP violations").isEmpty();
    }

    /** Every setup of every boarding scene opens with the bell, so any ride meets it. */
    private static String withMarker(String boarding) {
        return boarding.replaceAll("(\"setups\": \\[\\s*\\n\\s*\")", "$1" + MARKER + " ")
                .replaceAll("(\",\\s*\\n\\s*\")(?=[A-Z{])", "$1" + MARKER + " ");
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
