package com.liminaltransit.narrative.vendor;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.Generation;
import com.liminaltransit.narrative.ModelCapabilities;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.StreamedAnswer;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What every vendor provider shares, written once: the unguarded call through the {@link NarrativeExchange} (with
 * the model a call chooses, where the vendor allows it), the settings check, pricing and capabilities from a
 * {@link Profile} (the languages its model writes may be declared with {@code liminal.ai.<name>.languages}: BCP 47
 * tags, or {@code *} for every language), and the vendor client's life cycle (built on the first call, closed with the bean). A provider adds
 * only what is its own: its profile, how to open its client, and {@link #send} (request, reply, error mapping).
 *
 * <p>The guarded {@link #generate} is not here: each provider declares it, annotated {@link VendorGuard}, and
 * delegates to {@link #generateUnguarded}. Helidon reads a fault-tolerance override under the class that declares
 * the guarded method, so one inherited {@code generate} would make
 * {@code <provider class>/generate/Timeout/value} and its kin dead keys and merge the providers' FT metrics.
 *
 * @param <C> the vendor client: an AWS SDK client, or {@link VendorHttp}
 */
public abstract class VendorProvider<C extends AutoCloseable> implements AiProvider {

    private static final Logger LOG = Logger.getLogger(VendorProvider.class.getName());

    private final NarrativeExchange exchange;
    private final PriceTable prices;
    private final Profile profile;
    private final Supplier<C> opener;
    private final ModelCapabilities capabilities;
    private volatile C client;

    /**
     * @param profile  what this provider is
     * @param exchange the prompt, validation and repair every vendor shares
     * @param prices   what the configured model costs
     * @param opener   builds the vendor client, once, on the first call
     */
    protected VendorProvider(Profile profile, NarrativeExchange exchange, PriceTable prices, Supplier<C> opener) {
        this.profile = profile;
        this.exchange = exchange;
        this.prices = prices;
        this.opener = opener;
        this.capabilities = profile.capabilities().withLanguages(declaredLanguages(profile.name()));
    }

    /** The languages an operator declared for this provider's model ({@code liminal.ai.<name>.languages}), if any. */
    private static List<String> declaredLanguages(String name) {
        return ConfigProvider.getConfig()
                .getOptionalValues("liminal.ai." + name + ".languages", String.class)
                .orElse(null);
    }

    /**
     * What a provider is, as data.
     *
     * @param name         the name used in {@code liminal.ai.chain}
     * @param model        the configured model (or endpoint), {@code ""} when unset: the price is looked up under it,
     *                     and it is asked for unless a call chooses another
     * @param capabilities what the model can do
     * @param settings     what must be set before the provider may be called, in the order reported
     */
    public record Profile(String name, String model, ModelCapabilities capabilities, List<Setting> settings) {

        /** Copies the settings. */
        public Profile {
            settings = List.copyOf(settings);
        }

        /** A profile whose model is a config value (blank counts as unset). */
        public static Profile of(
                String name, Optional<String> model, ModelCapabilities capabilities, Setting... settings) {
            return new Profile(name, given(model).orElse(""), capabilities, List.of(settings));
        }
    }

    /**
     * A setting a provider needs.
     *
     * @param key     as an operator reads it: the config key, and where else it may come from
     * @param present whether it is set; asked each time (the AWS default region chain is looked up once)
     */
    public record Setting(String key, BooleanSupplier present) {

        /** A plain setting (blank counts as unset). */
        public static Setting of(String key, Optional<String> value) {
            boolean present = given(value).isPresent();
            return new Setting(key, () -> present);
        }

        /** A secret: set from the environment (named after the key) or Secrets Manager, never from a file. */
        public static Setting secret(String key, Optional<String> value) {
            String variable = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            return of(key + " (" + variable + ")", value);
        }
    }

    /** A config value that is set and not blank. */
    public static Optional<String> given(Optional<String> value) {
        return value.filter(text -> !text.isBlank());
    }

    /**
     * Sends one conversation to the vendor and reads the model's answer.
     *
     * @param client the vendor client
     * @param model  the model asked for: the configured one, or the call's choice
     * @throws com.liminaltransit.narrative.NarrativeException (a subclass) for every failure, never anything else
     */
    protected abstract Reply send(C client, String model, Conversation conversation);

    /**
     * Sends one conversation asking for a streamed answer (no JSON or tool mode: the streaming shape is prose, a
     * marker line, then JSON) and hands each piece of the model's text to {@code text} as it arrives, on the calling
     * thread. An exception out of {@code text} ends the call: close the stream and let it propagate unchanged. An
     * interrupt (the stall watch, the step deadline) ends it too, as a {@link com.liminaltransit.narrative.NarrativeException}
     * with the interrupt flag kept.
     *
     * <p>Only providers whose {@link #capabilities()} say they stream are asked; the default refuses.
     *
     * @return the whole answer: its text, the model that answered, the tokens as the vendor reported them (0 unless
     *     reported)
     */
    protected Reply sendStreaming(C client, String model, Conversation conversation, Consumer<String> text) {
        throw new UnsupportedOperationException(name() + " does not stream");
    }

    /**
     * The streamed call without fault tolerance: a provider whose model streams sends through
     * {@link #sendStreaming}; one that does not writes the stop at once (and cannot continue a passage). Each
     * provider declares the guarded {@code generateStreaming}, annotated {@link StreamGuard}, and delegates here.
     */
    protected Generation streamUnguarded(StoryContext context, StreamedAnswer stream) {
        if (!capabilities.streaming()) {
            return AiProvider.super.generateStreaming(context, stream);
        }
        String model = acceptsModelChoice() ? context.modelOr(profile.model()) : profile.model();
        return exchange.writeStreaming(
                this,
                context,
                model,
                stream,
                (conversation, text) -> sendStreaming(client(), model, conversation, text));
    }

    @Override
    public String name() {
        return profile.name();
    }

    @Override
    public Generation generateUnguarded(StoryContext context) {
        String model = acceptsModelChoice() ? context.modelOr(profile.model()) : profile.model();
        return exchange.write(this, context, model, conversation -> send(client(), model, conversation));
    }

    @Override
    public List<String> missingSettings() {
        return profile.settings().stream()
                .filter(setting -> !setting.present().getAsBoolean())
                .map(Setting::key)
                .toList();
    }

    /** Yes: most vendors serve many models on one account; a provider whose model is fixed says no. */
    @Override
    public boolean acceptsModelChoice() {
        return true;
    }

    @Override
    public double estimateCost(int inputTokens, int outputTokens) {
        return prices.cost(profile.model(), inputTokens, outputTokens);
    }

    @Override
    public ModelCapabilities capabilities() {
        return capabilities;
    }

    private C client() {
        C built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = opener.get();
                    client = built;
                }
            }
        }
        return built;
    }

    /** Closes the client with the bean (at shutdown), if it was ever built. */
    @PreDestroy
    protected void closeClient() {
        C built = client;
        if (built != null) {
            try {
                built.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, e, () -> name() + ": closing the client failed");
            }
        }
    }
}
