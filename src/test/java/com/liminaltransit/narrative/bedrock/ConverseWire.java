package com.liminaltransit.narrative.bedrock;

import com.liminaltransit.testing.VendorStub;
import jakarta.json.Json;
import java.util.Map;

/** Bedrock Converse answers and errors as the service writes them (errors named by {@code x-amzn-ErrorType}). */
final class ConverseWire implements VendorStub.Wire {

    @Override
    public VendorStub.Answer success(String narrativeJson) {
        String body = Json.createObjectBuilder()
                .add(
                        "output",
                        Json.createObjectBuilder()
                                .add(
                                        "message",
                                        Json.createObjectBuilder()
                                                .add("role", "assistant")
                                                .add(
                                                        "content",
                                                        Json.createArrayBuilder()
                                                                .add(Json.createObjectBuilder()
                                                                        .add("text", narrativeJson)))))
                .add("stopReason", "end_turn")
                .add(
                        "usage",
                        Json.createObjectBuilder()
                                .add("inputTokens", 398)
                                .add("outputTokens", 127)
                                .add("totalTokens", 525))
                .add("metrics", Json.createObjectBuilder().add("latencyMs", 812))
                .build()
                .toString();
        return new VendorStub.Answer(200, Map.of("x-amzn-RequestId", "stub-request"), body);
    }

    @Override
    public VendorStub.Answer error(int status) {
        String type = switch (status) {
            case 429 -> "ThrottlingException";
            case 401, 403 -> "AccessDeniedException";
            case 400 -> "ValidationException";
            case 408 -> "ModelTimeoutException";
            case 503 -> "ServiceUnavailableException";
            default -> "InternalServerException";
        };
        String body = Json.createObjectBuilder()
                .add("message", "stub error " + status)
                .build()
                .toString();
        return new VendorStub.Answer(
                status,
                Map.of(
                        "x-amzn-ErrorType",
                        type + ":http://internal.amazon.com/coral/",
                        "x-amzn-RequestId",
                        "stub-request"),
                body);
    }
}
