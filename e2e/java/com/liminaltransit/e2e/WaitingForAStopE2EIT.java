package com.liminaltransit.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.testing.ServerProcess;
import com.liminaltransit.testing.VendorStub;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * While a slow model writes the next stop, the player sees the train moving and cannot choose twice: the
 * indicator shows and the choices are disabled until the stop arrives. The packaged server asks an
 * OpenAI-compatible stub that takes 1.5 s per answer.
 */
class WaitingForAStopE2EIT {

    private static VendorStub vendor;
    private static ServerProcess server;
    private static Chromium chromium;

    @BeforeAll
    static void startSlowVendorServerAndBrowser() {
        vendor = VendorStub.start(new OpenAiWire());
        vendor.times(50, VendorStub.delayed(1500));
        server = ServerProcess.start(Map.of(
                "liminal.ai.chain", "openai",
                "liminal.ai.openai.base-url", vendor.uri() + "/v1",
                "liminal.ai.openai.model", "slow-stub",
                "liminal.ai.openai.timeout", "5s"));
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
        if (vendor != null) {
            vendor.close();
        }
    }

    @Test
    void choosingShowsTheTrainMovingAndDisablesTheChoicesUntilTheStopArrives() {
        Page page = chromium.newPlayer(true);
        Chromium.screenshotOnFailure(page, "waiting-for-a-stop", () -> {
            page.navigate(server.base() + "/");
            page.locator("form[action='/stories'] button").click();
            page.waitForURL("**/stories/*");
            Locator indicator = page.locator("form.choices .working");
            assertThat(indicator).isHidden();

            page.locator("form.choices button.choice").first().click();

            assertThat(indicator).isVisible();
            // a disabled fieldset disables every choice in it
            assertThat(page.locator("form.choices button.choice").last()).isDisabled();
            assertThat(page.locator("#journey article.stop")).hasCount(2);
            assertThat(page.locator("form.choices .working")).isHidden();
            assertThat(page.locator("form.choices button.choice").last()).isEnabled();
        });
    }
}
