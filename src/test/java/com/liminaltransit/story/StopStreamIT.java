package com.liminaltransit.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.testing.Await;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.StreamedChoices.Event;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /stories/{id}/stops/{n}/stream} after a streamed choice ({@code stream=1} with htmx): the answer opens
 * the stream at once, the stream sends the stop sentence by sentence, then a status and the commit; the stop is
 * stored once, and a stream opened later (a second tab, a return) replays the same sentences.
 */
@HelidonTest
@AddConfig(key = "liminal.limits.enabled", value = "false")
@AddConfig(key = "liminal.stream.enabled", value = "true")
@AddConfig(key = "liminal.db.url", value = StopStreamIT.DB)
class StopStreamIT {

    static final String DB = "jdbc:h2:mem:streams;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Inject
    private WebTarget target;

    @Inject
    private StreamRecords records;

    private PlayerClient player;

    @BeforeEach
    void newPlayer() {
        player = new PlayerClient(URI.create(target.getUri().toString()));
    }

    @Test
    void aStreamedChoiceIsAnsweredAtOnceAndItsStopArrivesSentenceBySentence() {
        String ride = Rides.board(player);
        Document page = player.get("/stories/" + ride).html();
        int step = Rides.openStep(page);
        String choice = Rides.choiceIds(page).getFirst();
        assertThat(page.selectFirst("form.choices").attr("hx-vals")).contains("\"stream\": \"1\"");
        assertThat(page.select("script[src=/webjars/htmx-ext-sse/2.2.2/sse.js]"))
                .hasSize(1);

        var answer = player.postHx(
                "/stories/" + ride + "/choices", Map.of("step", String.valueOf(step), "choice", choice, "stream", "1"));

        assertThat(answer.status()).isEqualTo(200);
        Document fragment = answer.html();
        String url = "/stories/" + ride + "/stops/" + (step + 1) + "/stream";
        assertThat(fragment.selectFirst("[sse-connect]").attr("sse-connect")).isEqualTo(url);
        assertThat(fragment.selectFirst("[sse-connect] [aria-live=off] article .passage"))
                .as("the prose being written is no live region")
                .isNotNull();
        assertThat(fragment.selectFirst("[sse-connect] [role=status][sse-swap=status]"))
                .as("the one polite status, empty when inserted so its first words are heard")
                .isNotNull();

        var stream = stream(url);
        assertThat(stream.response().headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/event-stream");
        assertThat(stream.response().headers().firstValue("Content-Encoding"))
                .as("no gzip on an event stream")
                .isEmpty();
        List<Event> events = Event.parse(stream.body());
        List<String> names = events.stream().map(Event::name).toList();
        assertThat(names).contains("sentence");
        assertThat(names.stream().filter("sentence"::equals).count()).isGreaterThanOrEqualTo(2);
        assertThat(names.getLast()).isEqualTo("commit");
        assertThat(names.get(names.size() - 2)).isEqualTo("status");
        List<String> beforeAnnouncement = names.subList(0, names.size() - 2);
        assertThat(beforeAnnouncement.stream().filter("status"::equals).count())
                .as("at most the 'being written' status, first")
                .isLessThanOrEqualTo(1);
        if (beforeAnnouncement.getFirst().equals("status")) {
            assertThat(events.getFirst().data()).contains("writing the next stop");
        }
        assertThat(beforeAnnouncement.subList(beforeAnnouncement.indexOf("sentence"), beforeAnnouncement.size()))
                .containsOnly("sentence");

        Document after = player.get("/stories/" + ride).html();
        assertThat(Rides.stopCount(after)).as("the stop is stored once").isEqualTo(step + 2);
        String stored = after.select("#journey article.stop")
                .last()
                .selectFirst(".passage")
                .text();
        assertThat(shownText(events)).isEqualTo(stored);

        Document commit = Jsoup.parseBodyFragment(events.getLast().data());
        assertThat(commit.selectFirst("article.stop h2[autofocus]"))
                .as("the heading takes focus at commit")
                .isNotNull();
        assertThat(commit.select("#controls[hx-swap-oob] form.choices button[name=choice]"))
                .hasSizeGreaterThanOrEqualTo(1);
        // recorded just after the commit is sent
        var record = Await.until(
                        Duration.ofSeconds(10),
                        "the stream record",
                        () -> records.find(ride, step + 1),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(record.writtenBy()).isEqualTo("offline");
        assertThat(record.streamed()).as("offline writes the stop at once").isFalse();
        assertThat(record.firstSentenceMs()).isPresent();
        assertThat(record.shownBeforeFailure()).isZero();
        assertThat(player.get("/webjars/htmx-ext-sse/2.2.2/sse.js").body()).contains("sse-connect");
        String status = events.get(events.size() - 2).data();
        assertThat(status).matches("Stop " + (step + 1) + ": (one|two|three|four|five) choices?|Terminus.*");
    }

    @Test
    void aStreamOpenedLaterReplaysTheStoredStopAndAReplayedChoiceWritesNothing() {
        String ride = Rides.board(player);
        Document page = player.get("/stories/" + ride).html();
        int step = Rides.openStep(page);
        String choice = Rides.choiceIds(page).getFirst();
        Map<String, String> form = Map.of("step", String.valueOf(step), "choice", choice, "stream", "1");
        player.postHx("/stories/" + ride + "/choices", form);
        // the stop written and stored first: a stream opened while it is written would also carry the "writing" status
        Await.until(
                Duration.ofSeconds(60),
                "the streamed stop stored",
                () -> Rides.stopCount(player.get("/stories/" + ride).html()) == step + 2);
        String url = "/stories/" + ride + "/stops/" + (step + 1) + "/stream";
        List<Event> first = Event.parse(stream(url).body());

        List<Event> second = Event.parse(stream(url).body());
        var replayed = player.postHx("/stories/" + ride + "/choices", form);

        List<Event> resumed = Event.parse(player.send(HttpRequest.newBuilder(player.uri(url))
                        .header("Accept", "text/event-stream")
                        .header("Last-Event-ID", "1")
                        .GET())
                .body());

        assertThat(second).isEqualTo(first);
        assertThat(resumed)
                .as("a reconnect is not sent the sentences it has")
                .isEqualTo(first.subList(1, first.size()));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.html().selectFirst("[sse-connect]"))
                .as("a written stop needs no stream")
                .isNull();
        assertThat(Rides.stopCount(player.get("/stories/" + ride).html())).isEqualTo(step + 2);
    }

    @Test
    void aStopNobodyIsWritingIsNotStreamedForever() {
        String ride = Rides.board(player);
        int step = Rides.openStep(player.get("/stories/" + ride).html());

        List<Event> events = Event.parse(
                stream("/stories/" + ride + "/stops/" + (step + 1) + "/stream").body());

        assertThat(events.stream().map(Event::name).toList()).containsExactly("status", "commit");
        assertThat(events.getFirst().data()).contains("not being written");
        Document commit = Jsoup.parseBodyFragment(events.getLast().data());
        assertThat(commit.select("article.stop"))
                .as("nothing was shown, so no stop")
                .isEmpty();
        assertThat(commit.select("#controls[hx-swap-oob] form.choices button[name=choice]"))
                .as("the open stop can be answered again")
                .isNotEmpty();
        assertThat(stream("/stories/" + ride + "/stops/" + (step + 2) + "/stream")
                        .status())
                .isEqualTo(404);
    }

    private PlayerClient.Answer stream(String path) {
        return player.send(HttpRequest.newBuilder(player.uri(path))
                .header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip")
                .GET());
    }

    private static String shownText(List<Event> events) {
        List<String> sentences = new ArrayList<>();
        for (Event event : events) {
            if (event.name().equals("sentence")) {
                sentences.add(Jsoup.parseBodyFragment(event.data()).text());
            }
        }
        return String.join(" ", sentences);
    }
}
