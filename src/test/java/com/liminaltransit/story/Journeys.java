package com.liminaltransit.story;

import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;

/** Rides played through the pages for the journey's tests: boarded, answered, branched. */
final class Journeys {

    private static final Pattern LANDING = Pattern.compile("^/stories/([0-9a-f-]{36})#stop-(\\d+)$");

    private Journeys() {}

    /** Boards a ride and answers its stops with the first choice until it has {@code stops} stops. */
    static String rideOf(PlayerClient player, int stops) {
        String id = Rides.board(player);
        for (int step = 0; step < stops - 1; step++) {
            choose(player, id, step, 0);
        }
        return id;
    }

    /** Answers the open stop {@code step} with its {@code index}-th choice, as a browser without JavaScript. */
    static void choose(PlayerClient player, String id, int step, int index) {
        Document ride = player.get("/stories/" + id).html();
        if (Rides.openStep(ride) != step) {
            throw new AssertionError("stop " + step + " is not the open one");
        }
        PlayerClient.Answer answer = player.post(
                "/stories/" + id + "/choices",
                Map.of(
                        "step",
                        Integer.toString(step),
                        "choice",
                        Rides.choiceIds(ride).get(index)));
        if (answer.status() != 303) {
            throw new AssertionError("choosing answered " + answer.status() + ": " + answer.body());
        }
    }

    /** The ride id and stop of a branch request's {@code Location} ({@code /stories/{id}#stop-{n}}). */
    static Landing landing(String location) {
        Matcher matcher = LANDING.matcher(location);
        if (!matcher.matches()) {
            throw new AssertionError("not a branch landing: " + location);
        }
        return new Landing(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    /**
     * Where a branch request led.
     *
     * @param rideId the ride
     * @param stop   the stop in view
     */
    record Landing(String rideId, int stop) {}
}
