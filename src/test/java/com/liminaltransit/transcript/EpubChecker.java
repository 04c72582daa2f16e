package com.liminaltransit.transcript;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * W3C EPUBCheck, the validator the EPUB world uses (reading systems and stores run it too), over a book in memory:
 * every warning, error and fatal error it reports, worded as it words them, with where it found them.
 */
final class EpubChecker {

    private EpubChecker() {}

    /** EPUBCheck's warnings and errors for {@code epub}; empty when the book is valid. */
    static List<String> problems(byte[] epub) {
        Collecting report = new Collecting();
        new EpubCheck(new ByteArrayInputStream(epub), report, "transcript.epub").check();
        return report.problems;
    }

    /** EPUBCheck's version, for failure messages. */
    static String version() {
        return EpubCheck.version();
    }

    private static final class Collecting extends MasterReport {

        private final List<String> problems = new ArrayList<>();

        @Override
        public void message(Message message, EPUBLocation location, Object... args) {
            Severity severity = message.getSeverity();
            if (severity == Severity.WARNING || severity == Severity.ERROR || severity == Severity.FATAL) {
                problems.add(severity + " " + message.getID() + " " + location.getPath() + ":" + location.getLine()
                        + ":" + location.getColumn() + " " + message.getMessage(args));
            }
        }

        @Override
        public void info(String resource, FeatureEnum feature, String value) {
            // features found in the book (language, version…): not problems
        }

        @Override
        public int generate() {
            return 0;
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}
