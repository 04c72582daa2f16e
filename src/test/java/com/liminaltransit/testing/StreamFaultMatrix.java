package com.liminaltransit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.testing.StreamScript.End;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The fault matrix of issue 14, played through the real pages against one vendor's streaming wire: a whole stream,
 * a reset after two sentences, a stall, a malformed chunk, invalid choices at the end and an unsafe sentence in the
 * middle. Whatever the fault, the player's stop ends whole and valid, every sentence they were shown is still its
 * beginning, the step is billed once and its stream is recorded.
 *
 * <p>Each vendor's {@code <Vendor>StreamFaultsIT} ({@code @HelidonTest} with a chain {@code <vendor>,offline},
 * {@code liminal.stream.stall-timeout=1s} and the vendor pointed at its {@link StreamingStub}) makes one per test,
 * which boards a ride, and calls one scenario from each of its tests.
 */
public final class StreamFaultMatrix {

    private final Database database;
    private final StreamingStub stub;
    private final String provider;
    private final PlayerClient player;
    private final String ride;

    /**
     * Boards a ride for a new player.
     *
     * @param target          the application under test
     * @param database        its database
     * @param stub            the stub that speaks the vendor's streaming wire
     * @param provider        the vendor's name in the chain
     * @param boardingRefused the vendor's error answer that sends the boarding (never streamed) to {@code offline}
     */
    public StreamFaultMatrix(
            WebTarget target, Database database, StreamingStub stub, String provider, StreamScript boardingRefused) {
        this.database = database;
        this.stub = stub;
        this.provider = provider;
        this.player = new PlayerClient(URI.create(target.getUri().toString()));
        stub.reset();
        stub.then(boardingRefused);
        this.ride = Rides.board(player);
        stub.reset();
    }

    /**
     * A whole stream is shown sentence by sentence, stored as shown, billed once on the reported tokens.
     *
     * @return the request the vendor received, for the vendor's own checks
     */
    public StreamingStub.Received wholeStream() {
        stub.then(StreamScript.good());

        var seen = StreamedChoices.takeFirst(player, ride);

        assertThat(seen.sentences()).containsExactly(StreamScript.FIRST, StreamScript.SECOND, StreamScript.THIRD);
        assertThat(seen.stored()).isEqualTo(seen.shownText());
        assertThat(seen.names().getLast()).isEqualTo("commit");
        assertThat(spend(seen.stop()))
                .as("the streamed step is billed once, on the tokens the stream reported")
                .containsExactly("valid 120 80");
        assertThat(record(seen.stop())).isEqualTo("true 0 " + provider);
        return stub.received().getLast();
    }

    /** A reset after two sentences: offline continues them, and the cut-off call is billed once. */
    public void resetAfterTwoSentences() {
        var twoShown = new CountDownLatch(1);
        stub.then(StreamScript.twoSentencesThen(End.RESET).faultAfter(twoShown));

        var seen = StreamedChoices.takeFirst(player, ride, shown -> {
            if (shown == 2) {
                twoShown.countDown(); // a reset drops bytes in flight: reset once the two sentences were shown
            }
        });

        assertContinued(seen);
        assertThat(spend(seen.stop()))
                .as("the cut-off call is billed once, on an estimate of what it sent")
                .singleElement()
                .asString()
                .startsWith("failed ")
                .doesNotEndWith(" 0");
        assertThat(record(seen.stop())).isEqualTo("true 2 " + provider + ">offline");
    }

    /** Silence after two sentences: the stall watch cuts the stream, offline continues. */
    public void stallAfterTwoSentences() {
        stub.then(StreamScript.twoSentencesThen(End.STALL));

        assertContinued(StreamedChoices.takeFirst(player, ride));
    }

    /** A frame the client cannot read after two sentences (the wire decides what "malformed" is). */
    public void malformedAfterTwoSentences() {
        stub.then(StreamScript.twoSentencesThen(End.MALFORMED));

        assertContinued(StreamedChoices.takeFirst(player, ride));
    }

    /** A single choice after the whole passage: the passage stays, the next link writes the choices. */
    public void invalidChoicesAtTheEnd() {
        stub.then(StreamScript.invalidChoices());

        var seen = StreamedChoices.takeFirst(player, ride);

        assertThat(seen.sentences()).startsWith(StreamScript.FIRST, StreamScript.SECOND, StreamScript.THIRD);
        assertValidStop(seen);
    }

    /** An unsafe third sentence is never shown; the next link writes the rest. */
    public void unsafeSentenceInTheMiddle() {
        stub.then(StreamScript.unsafeInTheMiddle());

        var seen = StreamedChoices.takeFirst(player, ride);

        assertThat(seen.sentences()).startsWith(StreamScript.FIRST, StreamScript.SECOND);
        assertThat(seen.sentences()).noneMatch(sentence -> sentence.contains("http"));
        assertThat(seen.stored()).doesNotContain("http");
        assertValidStop(seen);
    }

    /** The first two sentences stayed, the next link closed the passage, and the stop is whole. */
    public static void assertContinued(StreamedChoices.Seen seen) {
        assertThat(seen.sentences()).startsWith(StreamScript.FIRST, StreamScript.SECOND);
        assertThat(seen.sentences().size())
                .as("the next link closed the passage")
                .isGreaterThan(2);
        assertValidStop(seen);
    }

    /** The stop is stored, begins with every sentence shown, and offers choices. */
    public static void assertValidStop(StreamedChoices.Seen seen) {
        assertThat(seen.names().getLast()).isEqualTo("commit");
        assertThat(seen.names()).doesNotContain("error");
        assertThat(seen.stored()).isEqualTo(seen.shownText());
        assertThat(Rides.stopCount(seen.page())).isEqualTo(seen.stop() + 1);
        assertThat(Rides.choiceIds(seen.page())).hasSizeGreaterThanOrEqualTo(2);
    }

    /** The player, for a vendor's own scenarios. */
    public PlayerClient player() {
        return player;
    }

    /** The boarded ride, for a vendor's own scenarios. */
    public String ride() {
        return ride;
    }

    /** The spend ledger's rows for this ride's stop: outcome, input and output tokens. */
    private List<String> spend(int stop) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select outcome, input_tokens, output_tokens from spend_ledger where ride_id = ? and stop = ?")) {
                select.setString(1, ride);
                select.setInt(2, stop);
                List<String> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1) + " " + result.getInt(2) + " " + result.getInt(3));
                    }
                }
                return rows;
            }
        });
    }

    /** The stop's stream record: streamed, sentences shown before a failure, the links that wrote it. */
    private String record(int stop) {
        return Await.until(
                Duration.ofSeconds(10),
                "the stream record",
                () -> Jdbc.read(database.dataSource(), connection -> {
                    try (PreparedStatement select = connection.prepareStatement(
                            "select streamed, shown_before_failure, written_by from stop_stream"
                                    + " where ride_id = ? and stop = ?")) {
                        select.setString(1, ride);
                        select.setInt(2, stop);
                        try (ResultSet result = select.executeQuery()) {
                            return result.next()
                                    ? result.getBoolean(1) + " " + result.getInt(2) + " " + result.getString(3)
                                    : "";
                        }
                    }
                }),
                text -> !text.isEmpty());
    }
}
