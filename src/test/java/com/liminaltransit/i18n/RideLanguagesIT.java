package com.liminaltransit.i18n;

import static com.liminaltransit.testing.VendorStub.answering;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.openai.OpenAiWire;
import com.liminaltransit.persistence.Database;
import com.liminaltransit.persistence.Jdbc;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.Rides;
import com.liminaltransit.testing.VendorStub;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.WebTarget;
import java.io.StringReader;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Models narrate natively: a ride boarded in Japanese or Spanish asks the model (an OpenAI-compatible stub) for that
 * language by name, in the system prompt of every stop, and keeps what it writes as text in the ride's language. A
 * model declared not to write a language ({@code liminal.ai.openai.languages}) is passed over for rides in it.
 */
@HelidonTest
@AddConfig(key = "liminal.ai.chain", value = "openai,offline")
@AddConfig(key = "liminal.ai.openai.model", value = "llama-stub")
@AddConfig(key = "liminal.ai.openai.languages", value = "ja,es")
@AddConfig(key = "liminal.ai.openai.timeout", value = "2s")
@AddConfig(
        key = "liminal.db.url",
        value = "jdbc:h2:mem:ride-languages;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class RideLanguagesIT {

    private static final String JAPANESE = """
            {"passage": "列車は青いランプのトンネルを静かに進みます。車掌があなたにうなずき、窓際の席を指さします。\
            窓の外では、見たことのない駅の明かりが、ゆっくりと後ろへ流れていきます。", "choices": [\
            {"id": "a", "label": "窓際の席に座る"}, {"id": "b", "label": "車掌について行く"}, \
            {"id": "c", "label": "扉のそばに立ったままでいる"}], "ending": false, \
            "summary": "あなたは夜行列車に乗り、車掌が窓際の席を示した。"}""";

    private static final String SPANISH = """
            {"passage": "El tren avanza despacio por un túnel de lámparas azules. Un revisor te saluda con la \
            cabeza y señala un asiento junto a la ventana.", "choices": [{"id": "a", "label": "Sentarte junto a la \
            ventana"}, {"id": "b", "label": "Seguir al revisor"}], "ending": false, "summary": "Subiste al tren \
            nocturno y el revisor te indicó un asiento."}""";

    private static final VendorStub STUB = VendorStub.start(new OpenAiWire());

    @Inject
    private WebTarget target;

    @Inject
    private Database database;

    private PlayerClient player;

    @AddConfigSource
    static ConfigSource stub() {
        return MpConfigSources.create(Map.of("liminal.ai.openai.base-url", STUB.uri() + "/v1"));
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @BeforeEach
    void newPlayer() {
        STUB.reset();
        player = new PlayerClient(URI.create(target.getUri().toString()));
    }

    @Test
    void aRideInJapaneseIsNarratedInJapaneseByTheModel() {
        // given a player whose pages are Japanese, and a model that answers in Japanese
        player.post("/language", Map.of("lang", "ja"));
        STUB.then(answering(JAPANESE), answering(JAPANESE));

        // when they board and make a choice
        String id = Rides.board(player);
        Document ride = player.get("/stories/" + id).html();
        player.post(
                "/stories/" + id + "/choices",
                Map.of(
                        "step",
                        Integer.toString(Rides.openStep(ride)),
                        "choice",
                        Rides.choiceIds(ride).getFirst()));

        // then every prompt named the language, with Japanese length in characters
        assertThat(STUB.requests())
                .hasSize(2)
                .allSatisfy(request -> assertThat(system(request))
                        .contains("Japanese (日本語, ja")
                        .contains("150 to 450 characters")
                        .doesNotContain("60 to 160 words"));
        // and the model's Japanese is shown and stored as the ride's language
        Document page = player.get("/stories/" + id).html();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
        assertThat(page.select("#journey .passage").eachText())
                .hasSize(2)
                .allSatisfy(text -> assertThat(text).startsWith("列車は青いランプのトンネル"));
        assertThat(Rides.choiceIds(page)).containsExactly("a", "b", "c");
        assertThat(stored(id)).containsExactly("ja ja openai", "ja ja openai");
    }

    @Test
    void aRideInSpanishIsNarratedInSpanishByTheModel() {
        // given a browser that asks for Spanish (no switch used), and a model that answers in Spanish
        STUB.then(answering(SPANISH));

        // when the player boards
        String id = Rides.board(player, "es-ES,es;q=0.9");

        // then the prompt asked for Spanish, addressing the passenger as the pages do
        assertThat(system(STUB.requests().getFirst()))
                .contains("Spanish (español, es; address the passenger as tú)")
                .contains("60 to 160 words");
        Document page = player.get("/stories/" + id).html();
        assertThat(page.selectFirst("#journey .passage").text()).startsWith("El tren avanza despacio");
        assertThat(stored(id)).containsExactly("es es openai");
    }

    @Test
    void aRideInALanguageTheModelDoesNotWriteIsWrittenByOfflineAndMarkedEnglish() {
        // given a player boarding in French, which the model is declared not to write
        player.post("/language", Map.of("lang", "fr"));

        // when they board
        String id = Rides.board(player);

        // then the model was never asked, and offline's English is stored as English in a French ride
        assertThat(STUB.requests()).isEmpty();
        assertThat(stored(id)).containsExactly("fr en offline");
    }

    private static String system(VendorStub.Recorded request) {
        JsonObject body = Json.createReader(new StringReader(request.body())).readObject();
        return body.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(message -> message.getString("role").equals("system"))
                .map(message -> message.getString("content"))
                .findFirst()
                .orElseThrow();
    }

    /** {@code <ride language> <passage language> <provider>} per stop. */
    private List<String> stored(String id) {
        return Jdbc.read(database.dataSource(), connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select r.language, p.language, p.provider from passage p join ride r on r.id = p.ride_id
                    where p.ride_id = ? order by p.stop""")) {
                query.setString(1, id);
                List<String> rows = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
                    }
                }
                return rows;
            }
        });
    }
}
