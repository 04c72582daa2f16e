package com.liminaltransit.admin.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.offline.BankText;
import com.liminaltransit.story.Story;
import com.liminaltransit.story.StoryService;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.PlayerClient.Answer;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.Writers;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The content bank through the writers' pages: version 1 is the shipped bank, a saved version never changes, a bank
 * with problems is refused naming them, the diff shows what changed, any version can be previewed on any seed
 * without storing a ride, publishing makes new rides read it (and record it) while rides boarded earlier keep
 * theirs, and rollback is publishing an older version. The preview page says a prompt cannot change offline.
 */
@HelidonTest
@AddConfig(key = "liminal.db.url", value = BankIT.DB)
@AddConfig(key = "liminal.admin.users", value = "ada")
@AddConfig(key = "liminal.admin.ada.password-hash", value = Writers.ADA_HASH)
@AddConfig(key = "liminal.bank.cache", value = "0s")
@AddConfig(key = "liminal.limits.enabled", value = "false")
class BankIT {

    static final String DB = "jdbc:h2:mem:bank-it;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    private static final String MARKER = "A brass bell over the door rings once, for you.";

    @Inject
    private WebTarget target;

    @Inject
    private BankStore store;

    @Inject
    private StoryService stories;

    @Test
    void theShippedBankIsVersionOneAndPublished() {
        PlayerClient writer = signedIn();

        Document page = writer.get("/admin/bank").html();

        assertThat(page.select("#versions tr[data-version=1]")).hasSize(1);
        assertThat(store.find(1).orElseThrow().parts())
                .isEqualTo(BankText.shipped().parts());
        Document version = writer.get("/admin/bank/1").html();
        assertThat(version.select("#parts tr[data-part]"))
                .hasSize(BankText.shipped().parts().size());
        assertThat(version.select("#scenes tr[data-scene=corridor] td").eachText())
                .contains("scenes-carriage.json");
    }

    @Test
    void savingAnEditedPartMakesANewVersionAndLeavesTheOldOneAsItWas() {
        // given the boarding scenes of the published version
        PlayerClient writer = signedIn();
        int before = store.publishedVersionNow();
        String boarding = store.find(before).orElseThrow().parts().get("scenes-boarding.json");

        // when a writer saves them with a new sentence
        Answer saved = save(writer, before, "scenes-boarding.json", withMarker(boarding), "a bell");

        // then a new version exists, unpublished, and the old one is what it was
        int version = versionFrom(saved);
        assertThat(version).isGreaterThan(before);
        assertThat(store.find(version).orElseThrow().parts().get("scenes-boarding.json"))
                .contains(MARKER);
        assertThat(store.find(before).orElseThrow().parts().get("scenes-boarding.json"))
                .isEqualTo(boarding);
        assertThat(store.publishedVersionNow()).isEqualTo(before);
        assertThat(writer.get("/admin/bank/" + version + "/parts/scenes-boarding.json")
                        .html()
                        .select("#part-text")
                        .text())
                .contains(MARKER);
        assertThat(writer.post("/admin/bank/" + before, Map.of()).status())
                .as("no route changes a saved version")
                .isEqualTo(405);
    }

    @Test
    void aBankWithProblemsIsRefusedNamingEachAndSavesNothing() {
        // given
        PlayerClient writer = signedIn();
        int newest = store.newestVersion();
        String carriage = store.find(1).orElseThrow().parts().get("scenes-carriage.json");

        // when the text has an unknown placeholder, or is not JSON, or is unchanged
        Answer unknown = save(writer, 1, "scenes-carriage.json", carriage.replace("{weather}", "{wether}"), "");
        Answer broken = save(writer, 1, "scenes-carriage.json", "{\"scenes\": [", "");
        Answer same = save(writer, 1, "scenes-carriage.json", carriage, "");

        // then each is a 400 naming the problem, with the text kept in the editor, and nothing is saved
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.html().select("#problems .problem").eachText())
                .contains("scene seasons: setup: unknown placeholder {wether}");
        assertThat(unknown.html().select("#text").text()).contains("{wether}");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.html().select("#problems .problem").text())
                .contains("scenes-carriage.json: not valid JSON at line 1");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.html().select("#problems .problem").text()).contains("there is nothing to save");
        assertThat(store.newestVersion()).isEqualTo(newest);
    }

    @Test
    void theDiffShowsOnlyThePartsThatChanged() {
        PlayerClient writer = signedIn();
        String world = store.find(1).orElseThrow().parts().get("world.json");
        int version =
                versionFrom(save(writer, 1, "world.json", world.replace("the Owl Train", "the Owlet Train"), "owlet"));

        Document diff = writer.get("/admin/bank/diff?from=1&to=" + version).html();

        assertThat(diff.select(".part-diff").eachAttr("data-part")).containsExactly("world.json");
        assertThat(diff.select(".diff-removed .line").text()).contains("the Owl Train");
        assertThat(diff.select(".diff-added .line").text()).contains("the Owlet Train");
    }

    @Test
    void anUnpublishedVersionCanBePreviewedOnAnySeedAndAnyPathWithoutStoringARide() throws SQLException {
        // given an unpublished version whose boarding scenes ring a bell
        PlayerClient writer = signedIn();
        String boarding = store.find(1).orElseThrow().parts().get("scenes-boarding.json");
        int version = versionFrom(save(writer, 1, "scenes-boarding.json", withMarker(boarding), "bell"));
        int rides = count("select count(*) from ride");

        // when a writer previews it on seed 7, takes a choice, and plays on to the end
        Document first =
                writer.get("/admin/bank/" + version + "/preview?seed=7").html();
        String choice =
                first.select("#stops li.stop[data-stop=0] li[data-choice]").attr("data-choice");
        Document second = writer.get("/admin/bank/" + version + "/preview?seed=7&path=" + choice)
                .html();
        Document end = writer.get("/admin/bank/" + version + "/preview?seed=7&path=" + choice + "&end=first")
                .html();

        // then the new text is read, the path is followed, the ride ends, and no ride was stored
        assertThat(first.select("#stops li.stop[data-stop=0] .passage").text()).contains(MARKER);
        assertThat(second.select("#stops > li.stop")).hasSize(2);
        assertThat(second.select("#stops li.stop[data-stop=0] li.chosen").attr("data-choice"))
                .isEqualTo(choice);
        assertThat(end.select("#stops li.stop.ending")).hasSize(1);
        assertThat(count("select count(*) from ride")).isEqualTo(rides);
        assertThat(writer.get("/admin/bank/" + version + "/preview?seed=lots").status())
                .isEqualTo(400);
        assertThat(writer.get("/admin/bank/" + version + "/preview?path=%3Cb%3E")
                        .status())
                .isEqualTo(400);
        assertThat(writer.get("/admin/bank/99999/preview").status()).isEqualTo(404);
    }

    @Test
    void publishingMakesNewRidesReadAndRecordTheVersionAndRollingBackUndoesItForLaterRides() throws SQLException {
        // given a ride boarded on the published version, and a new version whose boarding scenes ring a bell
        PlayerClient writer = signedIn();
        int before = store.publishedVersionNow();
        String earlierRide = Rides.board(player());
        String boarding = store.find(before).orElseThrow().parts().get("scenes-boarding.json");
        int version = versionFrom(save(writer, before, "scenes-boarding.json", withMarker(boarding), "bell"));

        // when the writer publishes it and a player boards
        String csrf = Writers.csrf(writer.get("/admin/bank").html());
        assertThat(writer.post("/admin/bank/" + version + "/publish", Map.of("csrf", csrf))
                        .status())
                .isEqualTo(303);
        PlayerClient player = player();
        String ride = Rides.board(player);

        // then the new ride reads the new text and records the version; the earlier ride keeps its own
        assertThat(player.get("/stories/" + ride)
                        .html()
                        .select("article.stop")
                        .first()
                        .text())
                .contains(MARKER);
        assertThat(bankVersionOf(ride)).isEqualTo(version);
        assertThat(bankVersionOf(earlierRide)).isEqualTo(before);
        Story earlierStory = stories.ride(earlierRide);
        assertThat(earlierStory.ride().content().bankVersion()).isEqualTo(before);
        assertThat(writer.get("/admin/bank").html().select("#published-version").text())
                .isEqualTo("version " + version);

        // and when the writer rolls back, later rides are written from the older version again
        String again = Writers.csrf(writer.get("/admin/bank").html());
        assertThat(writer.post("/admin/bank/" + before + "/publish", Map.of("csrf", again))
                        .status())
                .isEqualTo(303);
        String later = Rides.board(player());
        assertThat(bankVersionOf(later)).isEqualTo(before);
        assertThat(store.publications(3))
                .extracting(BankStore.Publication::version)
                .startsWith(before, version);
    }

    @Test
    void thePreviewPageSaysAPromptCannotChangeWhatOfflineWrites() {
        PlayerClient writer = signedIn();
        String csrf = Writers.csrf(writer.get("/admin/preview").html());

        Answer column = writer.postHx(
                "/admin/preview/run", Map.of("csrf", csrf, "seed", "7", "version", "1", "provider", "offline"));

        assertThat(column.status()).isEqualTo(200);
        assertThat(column.html().select(".prompt-note").text())
                .contains("offline reads no prompt")
                .contains("cannot change what it writes");
    }

    @Test
    void unknownVersionsAndPartsAre404() {
        PlayerClient writer = signedIn();

        assertThat(writer.get("/admin/bank/99999").status()).isEqualTo(404);
        assertThat(writer.get("/admin/bank/1/parts/nothing.json").status()).isEqualTo(404);
        assertThat(writer.get("/admin/bank/new?from=1&part=nothing.json").status())
                .isEqualTo(404);
        assertThat(writer.get("/admin/bank/diff?from=1&to=x").status()).isEqualTo(400);
    }

    /** Every setup of every boarding scene opens with the bell, so any ride meets it. */
    static String withMarker(String boarding) {
        return boarding.replaceAll("(\"setups\": \\[\\s*\\n\\s*\")", "$1" + MARKER + " ")
                .replaceAll("(\",\\s*\\n\\s*\")(?=[A-Z{])", "$1" + MARKER + " ");
    }

    private Answer save(PlayerClient writer, int from, String part, String text, String note) {
        String csrf = Writers.csrf(
                writer.get("/admin/bank/new?from=" + from + "&part=" + part).html());
        return writer.post(
                "/admin/bank",
                Map.of("csrf", csrf, "from", Integer.toString(from), "part", part, "text", text, "note", note));
    }

    private static int versionFrom(Answer saved) {
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        String path = URI.create(saved.header("Location").orElseThrow()).getPath();
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }

    private PlayerClient signedIn() {
        PlayerClient writer = player();
        Writers.signedIn(writer, Writers.ADA, Writers.ADA_PASSWORD);
        return writer;
    }

    private PlayerClient player() {
        return new PlayerClient(URI.create(target.getUri().toString()));
    }

    private static Integer bankVersionOf(String ride) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement("select bank_version from ride where id = ?")) {
            query.setString(1, ride);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                int bank = row.getInt(1);
                return row.wasNull() ? null : bank;
            }
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DB, "sa", "");
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
