package com.liminaltransit.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.ViewportSize;
import java.util.List;
import java.util.stream.Collectors;

/**
 * axe-core (Deque's rules engine) on a page as the player has it, against WCAG 2.0, 2.1 and 2.2 at levels A and AA:
 * any violation fails, listing each rule with the elements it found and what is wrong with them. Any e2e test can
 * call it on a page it has reached, with JavaScript on or off:
 * <pre>{@code Axe.assertNoViolations(page, "the map, JavaScript off");}</pre>
 */
final class Axe {

    /** The tags of the rules we hold (axe has no rule tagged {@code wcag22a}). */
    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String SCRIPTING_OFF = "() => { const d = document.createElement('div');"
            + " d.innerHTML = '<noscript><p></p></noscript>'; return d.querySelector('noscript p') !== null; }";

    private Axe() {}

    /**
     * Runs axe on the whole page; throws an {@link AssertionError} naming {@code state} and every violation. Returns
     * the results, for a test that also wants what axe could not decide ({@code getIncomplete()}).
     */
    static AxeResults assertNoViolations(Page page, String state) {
        AxeResults results = javaScriptOff(page) ? analyzeCopy(page) : analyze(page);
        if (results.getErrorMessage() != null) {
            throw new AssertionError("axe-core could not check " + state + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " axe-core violation(s) on " + state + " (" + page.url()
                    + "):\n" + report(violations));
        }
        return results;
    }

    /** Whether the page runs without JavaScript: only then does HTML parsing read a noscript's content as markup. */
    static boolean javaScriptOff(Page page) {
        return (Boolean) page.evaluate(SCRIPTING_OFF);
    }

    private static AxeResults analyze(Page page) {
        return new AxeBuilder(page).withTags(WCAG_22_AA).analyze();
    }

    /**
     * axe waits on timers, and where JavaScript is off no timer fires. So it reads a copy: the page's document as it
     * stands, served at the same address to a browser context with JavaScript on that refuses every script the
     * document asks for, so nothing of ours runs and the copy stays the page the player has (styles and all).
     */
    private static AxeResults analyzeCopy(Page page) {
        String html = page.content();
        String address = page.url().replaceFirst("#.*$", "");
        ViewportSize size = page.viewportSize();
        Browser.NewContextOptions options = new Browser.NewContextOptions().setJavaScriptEnabled(true);
        if (size != null) {
            options.setViewportSize(size.width, size.height);
        }
        try (BrowserContext context = page.context().browser().newContext(options)) {
            Page copy = context.newPage();
            copy.route("**/*", route -> {
                Request request = route.request();
                if (request.isNavigationRequest() && request.url().equals(address)) {
                    route.fulfill(new Route.FulfillOptions()
                            .setStatus(200)
                            .setContentType("text/html; charset=utf-8")
                            .setBody(html));
                } else if ("script".equals(request.resourceType())) {
                    route.abort();
                } else {
                    route.resume();
                }
            });
            copy.navigate(address);
            return analyze(copy);
        }
    }

    /** One paragraph per rule: id, impact, what it asks, its help page, then each element and what is wrong. */
    static String report(List<Rule> violations) {
        return violations.stream()
                .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " "
                        + rule.getHelpUrl() + "\n"
                        + rule.getNodes().stream().map(Axe::node).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String node(CheckedNode node) {
        String summary = node.getFailureSummary() == null
                ? ""
                : "\n      " + node.getFailureSummary().replace("\n", "\n      ");
        return "    " + node.getTarget() + " " + node.getHtml() + summary;
    }
}
