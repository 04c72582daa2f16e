package com.liminaltransit.testing;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A player's streamed choice, as the page's htmx form makes it: {@code POST …/choices} with {@code stream=1}, then
 * the stop's event stream read to its end, then the ride page as stored.
 */
public final class StreamedChoices {

    private StreamedChoices() {}

    /** One server-sent event: its name, its id if any, and its data lines joined. */
    public record Event(String name, String id, String data) {

        /** The events of a whole {@code text/event-stream} body (comments are skipped). */
        public static List<Event> parse(String body) {
            List<Event> events = new ArrayList<>();
            for (String block : body.split("\n\n")) {
                String name = null;
                String id = null;
                List<String> data = new ArrayList<>();
                for (String line : block.split("\n")) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                    }
                }
                if (name != null) {
                    events.add(new Event(name, id, String.join("\n", data)));
                }
            }
            return events;
        }
    }

    /**
     * What the player saw of one streamed stop.
     *
     * @param stop      the stop written
     * @param events    the stream's events, in order
     * @param sentences the text of each {@code sentence} event, in order
     * @param stored    the stop's passage as the ride page shows it afterwards
     * @param page      the ride page afterwards
     */
    public record Seen(int stop, List<Event> events, List<String> sentences, String stored, Document page) {

        /** The names of the events, in order. */
        public List<String> names() {
            return events.stream().map(Event::name).toList();
        }

        /** The sentences shown, joined as a passage reads. */
        public String shownText() {
            return String.join(" ", sentences);
        }
    }

    /** Takes the first choice of the ride's open stop, streamed, and reads the stop's stream to its end. */
    public static Seen takeFirst(PlayerClient player, String ride) {
        return takeFirst(player, ride, shown -> {});
    }

    /**
     * As {@link #takeFirst(PlayerClient, String)}, telling {@code onSentence} how many sentences have arrived each
     * time one does, while the stream is still open.
     */
    public static Seen takeFirst(PlayerClient player, String ride, IntConsumer onSentence) {
        Document page = player.get("/stories/" + ride).html();
        int step = Rides.openStep(page);
        String choice = Rides.choiceIds(page).getFirst();
        var answer = player.postHx(
                "/stories/" + ride + "/choices", Map.of("step", String.valueOf(step), "choice", choice, "stream", "1"));
        if (answer.status() != 200) {
            throw new AssertionError("the streamed choice was answered " + answer.status());
        }
        String url = "/stories/" + ride + "/stops/" + (step + 1) + "/stream";
        var body = new StringBuilder();
        int[] sentencesSoFar = {0};
        player.lines(
                HttpRequest.newBuilder(player.uri(url))
                        .header("Accept", "text/event-stream")
                        .GET(),
                line -> {
                    body.append(line).append('\n');
                    if (line.equals("event: sentence") || line.equals("event:sentence")) {
                        onSentence.accept(++sentencesSoFar[0]);
                    }
                });
        List<Event> events = Event.parse(body.toString());
        List<String> sentences = events.stream()
                .filter(event -> event.name().equals("sentence"))
                .map(event -> Jsoup.parseBodyFragment(event.data()).text())
                .toList();
        Document after = player.get("/stories/" + ride).html();
        var last = after.select("#journey article.stop").last();
        String stored = last == null ? "" : last.selectFirst(".passage").text();
        return new Seen(step + 1, events, sentences, stored, after);
    }
}
