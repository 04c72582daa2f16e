package com.liminaltransit.narrative.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.StoryContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderChainTest {

    private final Map<String, AiProvider> known = new LinkedHashMap<>();

    ProviderChainTest() {
        for (String name : List.of("offline", "bedrock", "openai")) {
            known.put(name, new Named(name));
        }
    }

    @Test
    void offlineIsAppendedWhenTheChainLeavesItOut() {
        assertThat(names(ProviderChain.order(List.of("bedrock", "openai"), known)))
                .containsExactly("bedrock", "openai", "offline");
    }

    @Test
    void offlineIsAlwaysLastEvenWhenNamedEarlier() {
        assertThat(names(ProviderChain.order(List.of("offline", "bedrock"), known)))
                .containsExactly("bedrock", "offline");
    }

    @Test
    void blanksAndRepeatsAreIgnored() {
        assertThat(names(ProviderChain.order(List.of(" openai ", "", "openai"), known)))
                .containsExactly("openai", "offline");
    }

    @Test
    void unknownProviderStopsStartUpWithItsName() {
        assertThatThrownBy(() -> ProviderChain.order(List.of("bedrok"), known))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'bedrok'")
                .hasMessageContaining("offline");
    }

    @Test
    void unconfiguredProviderStopsStartUpNamingTheMissingKeys() {
        // given a provider that still needs its key
        known.put("anthropic", new Unconfigured("anthropic", List.of("liminal.ai.anthropic.api-key")));
        // when / then
        assertThatThrownBy(() -> ProviderChain.order(List.of("anthropic"), known))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'anthropic'")
                .hasMessageContaining("liminal.ai.anthropic.api-key");
    }

    @Test
    void unconfiguredProviderOutsideTheChainIsFine() {
        // given
        known.put("anthropic", new Unconfigured("anthropic", List.of("liminal.ai.anthropic.api-key")));
        // when / then
        assertThat(names(ProviderChain.order(List.of("openai"), known))).containsExactly("openai", "offline");
    }

    private static List<String> names(List<AiProvider> providers) {
        return providers.stream().map(AiProvider::name).toList();
    }

    /** A provider that lacks settings. */
    private record Unconfigured(String name, List<String> missingSettings) implements AiProvider {
        @Override
        public Generation generate(StoryContext context) {
            throw new NarrativeException("not configured");
        }

        @Override
        public double estimateCost(int inputTokens, int outputTokens) {
            return 0;
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(0, false, false, Set.of());
        }
    }

    /** A provider known only by name: ordering never calls it. */
    private record Named(String name) implements AiProvider {
        @Override
        public Generation generate(StoryContext context) {
            throw new NarrativeException("not called in ordering tests");
        }

        @Override
        public double estimateCost(int inputTokens, int outputTokens) {
            return 0;
        }

        @Override
        public ModelCapabilities capabilities() {
            return new ModelCapabilities(0, false, false, Set.of());
        }
    }
}
