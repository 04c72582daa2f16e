package com.liminaltransit.safety;

import static com.liminaltransit.narrative.Jsonp.JSON;

import com.liminaltransit.testing.VendorStub;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bedrock's {@code ApplyGuardrail} REST wire format ({@code POST /guardrail/{id}/version/{version}/apply}), answers
 * and errors ({@code x-amzn-ErrorType}) as the service writes them. {@link #judging()} answers like a small
 * guardrail: {@code vermin} trips the hate filter, {@code poison the reservoir} the denied topic
 * {@code Weapons instructions}, anything else passes.
 */
public final class GuardrailWire implements VendorStub.Wire {

    private static final Map<String, String> HEADERS = Map.of("x-amzn-RequestId", "stub-request");

    /** Judges the text blocks of the request it answers. */
    public static VendorStub.Behaviour judging() {
        return VendorStub.replying(request -> new VendorStub.Answer(200, HEADERS, verdict(texts(request))));
    }

    /** An {@code ApplyGuardrail} answer judging {@code texts} together. */
    public static String verdict(List<String> texts) {
        String all = String.join("\n", texts).toLowerCase(Locale.ROOT);
        boolean hate = all.contains("vermin");
        boolean topic = all.contains("poison the reservoir");
        if (!hate && !topic) {
            return JSON.createObjectBuilder()
                    .add("usage", usage())
                    .add("action", "NONE")
                    .add("outputs", JSON.createArrayBuilder())
                    .add("assessments", JSON.createArrayBuilder().add(JSON.createObjectBuilder()))
                    .build()
                    .toString();
        }
        var assessment = JSON.createObjectBuilder();
        if (hate) {
            assessment.add(
                    "contentPolicy",
                    JSON.createObjectBuilder()
                            .add(
                                    "filters",
                                    JSON.createArrayBuilder()
                                            .add(JSON.createObjectBuilder()
                                                    .add("type", "HATE")
                                                    .add("confidence", "HIGH")
                                                    .add("filterStrength", "HIGH")
                                                    .add("action", "BLOCKED")
                                                    .add("detected", true))));
        }
        if (topic) {
            assessment.add(
                    "topicPolicy",
                    JSON.createObjectBuilder()
                            .add(
                                    "topics",
                                    JSON.createArrayBuilder()
                                            .add(JSON.createObjectBuilder()
                                                    .add("name", "Weapons instructions")
                                                    .add("type", "DENY")
                                                    .add("action", "BLOCKED")
                                                    .add("detected", true))));
        }
        return JSON.createObjectBuilder()
                .add("usage", usage())
                .add("action", "GUARDRAIL_INTERVENED")
                .add("actionReason", "Guardrail blocked.")
                .add(
                        "outputs",
                        JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("text", "Blocked.")))
                .add("assessments", JSON.createArrayBuilder().add(assessment))
                .build()
                .toString();
    }

    /** The text blocks of a recorded request, in order. */
    public static List<String> texts(VendorStub.Recorded request) {
        JsonObject body = JSON.createReader(new StringReader(request.body())).readObject();
        return body.getJsonArray("content").getValuesAs(JsonObject.class).stream()
                .map(block -> block.getJsonObject("text").getString("text"))
                .collect(Collectors.toList());
    }

    private static JsonObject usage() {
        return JSON.createObjectBuilder()
                .add("topicPolicyUnits", 1)
                .add("contentPolicyUnits", 1)
                .add("wordPolicyUnits", 1)
                .add("sensitiveInformationPolicyUnits", 1)
                .add("sensitiveInformationPolicyFreeUnits", 0)
                .add("contextualGroundingPolicyUnits", 0)
                .build();
    }

    @Override
    public VendorStub.Answer success(String body) {
        return new VendorStub.Answer(200, HEADERS, body);
    }

    @Override
    public VendorStub.Answer error(int status) {
        String type = switch (status) {
            case 429 -> "ThrottlingException";
            case 400 -> "ValidationException";
            case 403 -> "AccessDeniedException";
            case 404 -> "ResourceNotFoundException";
            case 503 -> "ServiceUnavailableException";
            default -> "InternalServerException";
        };
        String body = JSON.createObjectBuilder()
                .add("message", "stub error " + status)
                .build()
                .toString();
        return new VendorStub.Answer(
                status,
                Map.of("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/", "x-amzn-RequestId", "stub"),
                body);
    }
}
