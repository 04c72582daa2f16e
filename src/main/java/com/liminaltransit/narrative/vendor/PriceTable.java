package com.liminaltransit.narrative.vendor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * What a model costs, from config: {@code liminal.ai.price.<model>.input} and {@code .output} in US dollars per
 * 1,000 tokens. A model without a price costs 0 and is logged once, so a missing entry is visible but never breaks
 * a ride. Model ids with a colon (Bedrock's {@code …-v1:0}) are written with {@code \:} in a properties file.
 */
@ApplicationScoped
public class PriceTable {

    private static final Logger LOG = Logger.getLogger(PriceTable.class.getName());

    private final Config config;
    private final Set<String> unpriced = ConcurrentHashMap.newKeySet();
    private final Map<String, double[]> cache = new ConcurrentHashMap<>();

    /** Reads prices from the application's config. */
    @Inject
    public PriceTable(Config config) {
        this.config = config;
    }

    /** The cost in US dollars of one call to {@code model}. */
    public double cost(String model, int inputTokens, int outputTokens) {
        double[] perThousand = cache.computeIfAbsent(model == null ? "" : model, this::lookUp);
        return (inputTokens * perThousand[0] + outputTokens * perThousand[1]) / 1000.0;
    }

    /** Whether {@code model} has a price in the configuration (an unpriced model would count as free). */
    public boolean hasPrice(String model) {
        return model != null
                && (config.getOptionalValue("liminal.ai.price." + model + ".input", Double.class)
                                .isPresent()
                        || config.getOptionalValue("liminal.ai.price." + model + ".output", Double.class)
                                .isPresent());
    }

    private double[] lookUp(String model) {
        var input = config.getOptionalValue("liminal.ai.price." + model + ".input", Double.class);
        var output = config.getOptionalValue("liminal.ai.price." + model + ".output", Double.class);
        if (input.isEmpty() && output.isEmpty() && unpriced.add(model)) {
            LOG.warning(() -> "No price for model '" + model + "': set liminal.ai.price." + model
                    + ".input/.output (USD per 1K tokens); counting it as free");
        }
        return new double[] {input.orElse(0.0), output.orElse(0.0)};
    }
}
