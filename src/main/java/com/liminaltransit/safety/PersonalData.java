package com.liminaltransit.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data and links, in any language: e-mail addresses, card numbers (13 to 19 digits that pass the Luhn
 * check), phone numbers (9 to 15 digits, written with spaces, dots, dashes or brackets, or a leading {@code +})
 * and links (a scheme, {@code www.}, or a host under a common top-level domain). A story has no use for any of them,
 * and a model that writes one may be repeating someone's real data or sending the player somewhere.
 */
final class PersonalData {

    /** Category of an e-mail address. */
    static final String EMAIL = "email";
    /** Category of a card number. */
    static final String CARD = "card-number";
    /** Category of a phone number. */
    static final String PHONE = "phone-number";
    /** Category of a link. */
    static final String LINK = "link";

    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    private static final Pattern DIGIT_RUN =
            Pattern.compile("(?<![\\p{IsLatin}\\p{N}])\\+?\\(?\\d(?:[ ().\\-]{0,2}\\d){6,22}(?![\\p{N}])");
    private static final Pattern URL = Pattern.compile("(?i)(?:\\b(?:https?|ftp)://|\\bwww\\.)[^\\s]+"
            + "|(?<![\\p{IsLatin}\\p{N}@.-])(?:[\\p{L}\\p{N}-]++\\.)+"
            + "(?:com|net|org|info|biz|io|co|me|app|dev|xyz|gg|tv|ly|link|site|online|shop|top|club|onion|ru|cn|de|fr"
            + "|es|it|nl|jp|uk|us|ca|au|br|in|eu)\\b(?![\\p{L}\\p{N}-])(?:/[^\\s]*)?");

    private PersonalData() {}

    /**
     * Where personal data or a link sits in {@code text}.
     *
     * @param category {@link #EMAIL}, {@link #CARD}, {@link #PHONE} or {@link #LINK}
     * @param start    first character, in {@link #normal(String) the normal form} of the text
     * @param end      one past the last
     */
    record Match(String category, int start, int end) {}

    /** The form the detectors read: compatibility-normalised, so full-width digits and {@code ＠} count. */
    static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** Everything found in {@code text} (already in {@link #normal normal form}), in order; no two overlap. */
    static List<Match> find(String text) {
        List<Match> found = new ArrayList<>();
        // cheap scans first: most passages have no '@', few digits and no dot inside a word
        if (text.indexOf('@') >= 0) {
            add(found, EMAIL_ADDRESS.matcher(text), EMAIL);
        }
        Matcher digits = DIGIT_RUN.matcher(countDigits(text) >= 9 ? text : "");
        while (digits.find()) {
            String run = digits.group();
            int count = countDigits(run);
            if (count >= 13 && count <= 19 && luhn(run)) {
                keep(found, new Match(CARD, digits.start(), digits.end()));
            } else if (count >= 9 && count <= 15) {
                keep(found, new Match(PHONE, digits.start(), digits.end()));
            }
        }
        if (mayHoldLink(text)) {
            add(found, URL.matcher(text), LINK);
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /**
     * {@code text} with its personal data masked for the writers' page: every digit of a card number but the last
     * four and of a phone number but the last two, an e-mail address's name but its first letter. Links are kept:
     * a writer needs to see where the model sent the player.
     */
    static String mask(String text) {
        String normal = normal(text);
        StringBuilder out = new StringBuilder(normal);
        for (Match match : find(normal)) {
            switch (match.category()) {
                case CARD -> maskDigits(out, match, 4);
                case PHONE -> maskDigits(out, match, 2);
                case EMAIL -> {
                    int at = normal.indexOf('@', match.start());
                    for (int i = match.start() + 1; i < at; i++) {
                        out.setCharAt(i, '•');
                    }
                }
                default -> {
                    // links stay readable
                }
            }
        }
        return out.toString();
    }

    /** The Luhn check of the digits in {@code run}. */
    static boolean luhn(String run) {
        int sum = 0;
        boolean twice = false;
        for (int i = run.length() - 1; i >= 0; i--) {
            char c = run.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static void maskDigits(StringBuilder out, Match match, int keep) {
        int seen = 0;
        for (int i = match.end() - 1; i >= match.start(); i--) {
            if (Character.isDigit(out.charAt(i)) && seen++ >= keep) {
                out.setCharAt(i, '•');
            }
        }
    }

    /** A dot with a letter or digit on both sides (a host name), or a scheme. */
    private static boolean mayHoldLink(String text) {
        for (int i = text.indexOf('.'); i > 0 && i < text.length() - 1; i = text.indexOf('.', i + 1)) {
            if (Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return text.contains("://");
    }

    private static int countDigits(String run) {
        int count = 0;
        for (int i = 0; i < run.length(); i++) {
            if (Character.isDigit(run.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static void add(List<Match> found, Matcher matcher, String category) {
        while (matcher.find()) {
            keep(found, new Match(category, matcher.start(), matcher.end()));
        }
    }

    private static void keep(List<Match> found, Match candidate) {
        boolean overlaps = found.stream().anyMatch(m -> candidate.start() < m.end() && m.start() < candidate.end());
        if (!overlaps) {
            found.add(candidate);
        }
    }
}
