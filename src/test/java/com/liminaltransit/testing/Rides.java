package com.liminaltransit.testing;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reading a ride page the way a player does: which stop is open and what it offers. */
public final class Rides {

    private static final Pattern RIDE_PATH = Pattern.compile("^(?:https?://[^/]+)?/stories/([0-9a-f-]{36})$");

    private Rides() {}

    /** The ride id from a {@code Location} header or path. */
    public static String idFrom(String location) {
        Matcher matcher = RIDE_PATH.matcher(location);
        if (!matcher.find()) {
            throw new AssertionError("not a ride location: " + location);
        }
        return matcher.group(1);
    }

    /** Boards a new ride for {@code player} and returns its id. */
    public static String board(PlayerClient player) {
        PlayerClient.Answer answer = player.post("/stories", Map.of());
        if (answer.status() != 303) {
            throw new AssertionError("boarding answered " + answer.status() + ": " + answer.body());
        }
        return idFrom(answer.header("Location").orElseThrow());
    }

    /** Boards a new ride for {@code player} whose browser sends {@code acceptLanguage}, and returns its id. */
    public static String board(PlayerClient player, String acceptLanguage) {
        PlayerClient.Answer answer = player.send(java.net.http.HttpRequest.newBuilder(player.uri("/stories"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", acceptLanguage)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("")));
        if (answer.status() != 303) {
            throw new AssertionError("boarding answered " + answer.status() + ": " + answer.body());
        }
        return idFrom(answer.header("Location").orElseThrow());
    }

    /** The open stop's index as the choice form states it. */
    public static int openStep(Document page) {
        Element step = page.selectFirst("form.choices input[name=step]");
        if (step == null) {
            throw new AssertionError("no open stop on this page");
        }
        return Integer.parseInt(step.val());
    }

    /** The choice ids the open stop offers, in order. */
    public static List<String> choiceIds(Document page) {
        return page.select("form.choices button[name=choice]").eachAttr("value");
    }

    /** The stops shown, in order. */
    public static int stopCount(Document page) {
        return page.select("#journey article.stop").size();
    }

    /** Whether the page shows the terminus. */
    public static boolean ended(Document page) {
        return page.selectFirst("article.stop.ending") != null;
    }
}
