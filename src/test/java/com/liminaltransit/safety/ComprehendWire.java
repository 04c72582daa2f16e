package com.liminaltransit.safety;

import static com.liminaltransit.narrative.Jsonp.JSON;

import com.liminaltransit.testing.VendorStub;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Amazon Comprehend's JSON 1.1 wire format ({@code X-Amz-Target: Comprehend_20171127.DetectToxicContent}), as the
 * service writes answers and errors ({@code __type} in the body). {@link #judging()} answers each segment like a
 * small Comprehend: {@code vermin} is hate speech, {@code I will hurt you} a threat, anything else harmless.
 */
public final class ComprehendWire implements VendorStub.Wire {

    /** The target header of the call. */
    public static final String TARGET = "Comprehend_20171127.DetectToxicContent";

    private static final Map<String, String> HEADERS =
            Map.of("Content-Type", "application/x-amz-json-1.1", "x-amzn-RequestId", "stub-request");

    /** Judges every segment of the request it answers. */
    public static VendorStub.Behaviour judging() {
        return VendorStub.replying(request -> {
            JsonObject body =
                    JSON.createReader(new StringReader(request.body())).readObject();
            List<String> texts = body.getJsonArray("TextSegments").getValuesAs(JsonObject.class).stream()
                    .map(segment -> segment.getString("Text"))
                    .toList();
            return new VendorStub.Answer(200, HEADERS, verdicts(texts));
        });
    }

    /** A {@code DetectToxicContent} answer judging {@code texts}, one result each. */
    public static String verdicts(List<String> texts) {
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            double hate = lower.contains("vermin") ? 0.94 : 0.02;
            double threat = lower.contains("i will hurt you") ? 0.91 : 0.03;
            results.add(JSON.createObjectBuilder()
                    .add(
                            "Labels",
                            JSON.createArrayBuilder()
                                    .add(label("GRAPHIC", 0.02))
                                    .add(label("HARASSMENT_OR_ABUSE", Math.max(0.01, hate / 3)))
                                    .add(label("HATE_SPEECH", hate))
                                    .add(label("INSULT", Math.max(0.02, hate / 2)))
                                    .add(label("PROFANITY", 0.01))
                                    .add(label("SEXUAL", 0.01))
                                    .add(label("VIOLENCE_OR_THREAT", threat)))
                    .add("Toxicity", Math.max(0.03, Math.max(hate, threat) * 0.8)));
        }
        return JSON.createObjectBuilder().add("ResultList", results).build().toString();
    }

    private static JsonObjectBuilder label(String name, double score) {
        return JSON.createObjectBuilder().add("Name", name).add("Score", score);
    }

    /** The segment texts of a recorded request. */
    public static List<String> segments(VendorStub.Recorded request) {
        return JSON.createReader(new StringReader(request.body())).readObject().getJsonArray("TextSegments").stream()
                .map(value -> ((JsonString) value.asJsonObject().get("Text")).getString())
                .toList();
    }

    @Override
    public VendorStub.Answer success(String body) {
        return new VendorStub.Answer(200, HEADERS, body);
    }

    @Override
    public VendorStub.Answer error(int status) {
        String type = switch (status) {
            case 400 -> "TooManyRequestsException";
            case 429 -> "ThrottlingException";
            case 403 -> "AccessDeniedException";
            case 503 -> "ServiceUnavailableException";
            default -> "InternalServerException";
        };
        String body = JSON.createObjectBuilder()
                .add("__type", type)
                .add("Message", "stub error " + status)
                .build()
                .toString();
        return new VendorStub.Answer(status, HEADERS, body);
    }
}
