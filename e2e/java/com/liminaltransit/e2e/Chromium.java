package com.liminaltransit.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Playwright driving Chromium: Debian's {@code /usr/bin/chromium} when present (browsers cannot be downloaded on
 * our machines), Playwright's own browser elsewhere. Failures leave screenshots under
 * {@code target/e2e-screenshots}.
 */
final class Chromium implements AutoCloseable {

    private static final List<String> FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    Chromium() {
        Path debian = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
        boolean useDebian = Files.isExecutable(debian);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(useDebian ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
        BrowserType.LaunchOptions options =
                new BrowserType.LaunchOptions().setHeadless(true).setArgs(FLAGS);
        if (useDebian) {
            options.setExecutablePath(debian);
        }
        browser = playwright.chromium().launch(options);
    }

    /** A fresh browser profile (its own cookies: a new player), with JavaScript on or off. */
    Page newPlayer(boolean javaScript) {
        return newPlayer(javaScript, Map.of());
    }

    /** A new player whose every request carries {@code headers} (the smoke test's mark). */
    Page newPlayer(boolean javaScript, Map<String, String> headers) {
        return browser.newContext(new Browser.NewContextOptions()
                        .setJavaScriptEnabled(javaScript)
                        .setViewportSize(390, 844)
                        .setExtraHTTPHeaders(headers))
                .newPage();
    }

    /** A new player in a context of the caller's own making (a viewport, reduced motion, JavaScript off, …). */
    Page newPlayer(Browser.NewContextOptions options) {
        return browser.newContext(options).newPage();
    }

    /** Runs {@code steps}; if they fail, saves a full-page screenshot named after the test first. */
    static void screenshotOnFailure(Page page, String name, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError failure) {
            Path dir = Path.of(System.getProperty("e2e.screenshots", "target/e2e-screenshots"));
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(dir.resolve(name + ".png"))
                    .setFullPage(true));
            throw failure;
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
