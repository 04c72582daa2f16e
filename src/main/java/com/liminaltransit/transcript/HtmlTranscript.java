package com.liminaltransit.transcript;

import com.liminaltransit.web.View;
import java.util.Map;

/**
 * The transcript as a page to read and print: {@code templates/transcript/transcript.html}, rendered by the site's
 * one Thymeleaf writer, so model text is escaped as on every page ({@code th:text} only) and the page carries the
 * site's security headers and CSP. Its own small stylesheet has print rules; it loads no script.
 */
final class HtmlTranscript {

    static final String TEMPLATE = "transcript/transcript";

    private HtmlTranscript() {}

    static View view(Transcript transcript) {
        return View.page(TEMPLATE, Map.of("transcript", transcript));
    }
}
