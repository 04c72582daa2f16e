package com.liminaltransit.narrative.sagemaker;

import com.liminaltransit.testing.VendorStub;
import jakarta.json.Json;
import java.util.Map;

/**
 * A SageMaker endpoint serving a TGI container: {@code [{"generated_text": …}]} on success; SageMaker's errors
 * named by {@code x-amzn-ErrorType} (a failing container is a 424 {@code ModelError}).
 */
final class TgiWire implements VendorStub.Wire {

    @Override
    public VendorStub.Answer success(String narrativeJson) {
        String body = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("generated_text", narrativeJson))
                .build()
                .toString();
        return new VendorStub.Answer(200, Map.of("x-Amzn-Invoked-Production-Variant", "AllTraffic"), body);
    }

    @Override
    public VendorStub.Answer error(int status) {
        String type = switch (status) {
            case 429 -> "ThrottlingException";
            case 401, 403 -> "AccessDeniedException";
            case 400 -> "ValidationError";
            case 424 -> "ModelError";
            case 503 -> "ServiceUnavailable";
            default -> "InternalFailure";
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
