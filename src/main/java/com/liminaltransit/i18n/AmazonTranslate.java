package com.liminaltransit.i18n;

import com.liminaltransit.narrative.vendor.AwsSupport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.TranslateTextRequest;
import software.amazon.awssdk.services.translate.model.TranslateTextResponse;

/**
 * Amazon Translate's {@code TranslateText} through the AWS SDK (SigV4, the default credentials chain, the JDK's
 * HTTP client, no SDK retries: a step does not wait for a second try), with the line's custom terminology
 * ({@code liminal.translate.terminology}) so station and train names stay as they are. On only when
 * {@code liminal.translate.region} is set; {@code …endpoint} overrides the address (a VPC endpoint, a test stub),
 * {@code …timeout} bounds a call. A breaker opens when most calls fail, so an outage costs a step nothing.
 */
@ApplicationScoped
public class AmazonTranslate {

    /** The config key that turns Translate on. */
    static final String REGION = "liminal.translate.region";

    /** Translate's limit for one {@code TranslateText} call, in UTF-8 bytes. */
    static final int MAX_BYTES = 10_000;

    private static final String NAME = "translate";
    private static final Logger LOG = Logger.getLogger(AmazonTranslate.class.getName());

    private final Optional<String> region;
    private final Optional<String> endpoint;
    private final Optional<String> terminology;
    private final Duration timeout;
    private volatile TranslateClient client;

    /** Reads {@code liminal.translate.*}; the SDK client is built on first use. */
    @Inject
    AmazonTranslate(
            @ConfigProperty(name = REGION) Optional<String> region,
            @ConfigProperty(name = "liminal.translate.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "liminal.translate.terminology") Optional<String> terminology,
            @ConfigProperty(name = "liminal.translate.timeout", defaultValue = "3s") Duration timeout) {
        this.region = region.filter(value -> !value.isBlank()).map(String::strip);
        this.endpoint = endpoint.filter(value -> !value.isBlank()).map(String::strip);
        this.terminology = terminology.filter(value -> !value.isBlank()).map(String::strip);
        this.timeout = timeout;
    }

    /** Reads the settings when the application starts, so a malformed one stops start-up, naming its key. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(() -> configured()
                ? "Amazon Translate in " + region.orElseThrow()
                        + terminology.map(t -> ", terminology " + t).orElse("")
                : "Amazon Translate is off (" + REGION + " unset): the offline storyteller's English stays English");
    }

    /** Whether Translate is configured (a region is set). */
    public boolean configured() {
        return region.isPresent();
    }

    /** The custom terminology every call applies, if one is configured. */
    public Optional<String> terminology() {
        return terminology;
    }

    /**
     * Translates {@code text} from {@code from} into {@code to} (BCP 47 tags). Guarded by a breaker; override with
     * {@code com.liminaltransit.i18n.AmazonTranslate/translate/CircuitBreaker/<key>}.
     *
     * @throws TranslationUnavailable for every failure: throttling, 5xx, a timeout, an answer without a translation
     */
    @CircuitBreaker(
            requestVolumeThreshold = 8,
            failureRatio = 0.75,
            delay = 30,
            delayUnit = ChronoUnit.SECONDS,
            failOn = TranslationUnavailable.class)
    public String translate(String text, String from, String to) {
        if (!configured()) {
            throw new TranslationUnavailable("Amazon Translate is not configured (" + REGION + ")");
        }
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new TranslationUnavailable("text longer than " + MAX_BYTES + " bytes");
        }
        TranslateTextRequest.Builder request = TranslateTextRequest.builder()
                .text(text)
                .sourceLanguageCode(TranslateCodes.of(from))
                .targetLanguageCode(TranslateCodes.of(to));
        terminology.ifPresent(name -> request.terminologyNames(List.of(name)));
        TranslateTextResponse response;
        try {
            response = client().translateText(request.build());
        } catch (SdkException e) {
            throw new TranslationUnavailable(AwsSupport.failure(NAME, e).getMessage(), e);
        }
        String translated = response.translatedText();
        if (translated == null || translated.isBlank()) {
            throw new TranslationUnavailable("the answer held no translated text");
        }
        return translated;
    }

    private TranslateClient client() {
        TranslateClient built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    client = AwsSupport.build(NAME, TranslateClient.builder(), region, timeout, endpoint);
                }
                built = client;
            }
        }
        return built;
    }

    @PreDestroy
    void close() {
        TranslateClient built = client;
        if (built != null) {
            built.close();
        }
    }
}
