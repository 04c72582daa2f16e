package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.testing.ServerProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A provider named in {@code liminal.ai.chain} without its settings stops the packaged server at start-up, naming
 * what is missing: a forgotten secret must not silently turn every step into a fallback.
 */
class UnconfiguredProviderIT {

    @Test
    void providerInTheChainWithoutItsKeyStopsStartUpNamingTheMissingKeys() {
        // given a chain that names anthropic, and neither its key nor its model
        Map<String, String> config = Map.of(
                "liminal.ai.chain",
                "anthropic,offline",
                "liminal.ai.anthropic.api-key",
                "",
                "liminal.ai.anthropic.model",
                "");

        // when / then
        assertThatThrownBy(() -> ServerProcess.start(config).close())
                .hasMessageContaining("server exited with 1")
                .hasMessageContaining("liminal.ai.chain names 'anthropic', but it is not configured")
                .hasMessageContaining("liminal.ai.anthropic.api-key")
                .hasMessageContaining("liminal.ai.anthropic.model");
    }
}
