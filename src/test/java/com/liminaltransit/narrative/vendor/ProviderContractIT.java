package com.liminaltransit.narrative.vendor;

import static com.liminaltransit.testing.VendorStub.connectionReset;
import static com.liminaltransit.testing.VendorStub.contractBreaking;
import static com.liminaltransit.testing.VendorStub.delayed;
import static com.liminaltransit.testing.VendorStub.drip;
import static com.liminaltransit.testing.VendorStub.malformed;
import static com.liminaltransit.testing.VendorStub.rateLimited;
import static com.liminaltransit.testing.VendorStub.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.liminaltransit.narrative.AiProvider;
import com.liminaltransit.narrative.ChoiceOption;
import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.NarrativeValidator;
import com.liminaltransit.narrative.PastStop;
import com.liminaltransit.narrative.StoryContext;
import com.liminaltransit.narrative.chain.ProviderChain;
import com.liminaltransit.narrative.chain.StepResult;
import com.liminaltransit.testing.Management;
import com.liminaltransit.testing.PlayerClient;
import com.liminaltransit.testing.VendorStub;
import com.liminaltransit.testing.VendorStub.Recorded;
import io.helidon.config.mp.MpConfigSources;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * What every vendor provider must do behind the chain, against a stub of its real wire format: answer well, and
 * turn every bad day (429, 5xx, slow, garbled, contract-breaking, dropped, dripping) into a good passage for the
 * player, with the calls counted and the fallback recorded; a failing vendor opens its breaker so later steps skip
 * it. Subclasses are {@code @HelidonTest}s that configure the chain {@code <provider>,offline}, take the contract's
 * short {@link #limits} in their {@code @AddConfigSource}, and run the {@link #checks}.
 */
public abstract class ProviderContractIT {

    /**
     * A provider under test.
     *
     * @param provider     its chain name
     * @param stub         the stub in front of it
     * @param requestCheck asserts one request as the vendor would read it: path, auth, format
     */
    public record Vendor(String provider, VendorStub stub, Consumer<Recorded> requestCheck) {}

    /**
     * The names of the contract's checks, in order (the breaker check last: it leaves the breaker open). A subclass
     * runs them from its own {@code @ParameterizedTest @MethodSource(CHECKS)}: Helidon's test extension starts the
     * container only for methods declared on the test class itself, so inherited {@code @Test} methods (and
     * dynamic tests) cannot carry the contract.
     */
    public static Stream<String> checks() {
        return Stream.of(
                "healthyVendorWritesTheStepInOneCall",
                "rateLimitWithShortRetryAfterIsWaitedOutAndRetried",
                "rateLimitWithRetryAfterBeyondTheCapFallsBackAtOnce",
                "serverErrorIsRetriedAndTheVendorRecovers",
                "persistentUnavailabilityFallsBackAfterTheRetries",
                "answerSlowerThanTheTimeoutIsCutOffAndFallsBack",
                "slowlyDrippingBodyIsCutOffLikeASilentOne",
                "malformedBodyIsRetriedAndTheVendorRecovers",
                "persistentlyMalformedBodyFallsBack",
                "droppedConnectionIsRetriedAndTheVendorRecovers",
                "contractBreakingAnswerIsRepairedWithTheValidatorsComplaint",
                "contractBrokenTwiceFallsBackWithoutFurtherRetries",
                "rejectedCredentialsAreNotRetried",
                "readinessNamesTheProviderWithoutFailing",
                "failingVendorOpensItsBreakerAndLaterStepsSkipItFast");
    }

    /**
     * The contract's short limits for a provider (vendor request timeout 1 s, FT attempt timeout 2 s, two retries
     * 50 ms apart, a breaker that opens when 4 calls in a row fail and stays open for a minute), with {@code more}
     * (the stub's address): what a subclass's {@code @AddConfigSource} returns. The FT keys are the provider
     * class's own, as Helidon reads them.
     */
    protected static ConfigSource limits(String name, Class<? extends AiProvider> provider, Map<String, String> more) {
        String guarded = provider.getName() + "/generate/";
        Map<String, String> limits = new HashMap<>(more);
        limits.put("liminal.ai." + name + ".timeout", "1s");
        limits.put(guarded + "Timeout/value", "2000");
        limits.put(guarded + "Timeout/unit", "MILLIS");
        limits.put(guarded + "Retry/delay", "50");
        limits.put(guarded + "Retry/jitter", "0");
        limits.put(guarded + "CircuitBreaker/requestVolumeThreshold", "4");
        limits.put(guarded + "CircuitBreaker/failureRatio", "1.0");
        limits.put(guarded + "CircuitBreaker/delay", "60000");
        limits.put(guarded + "CircuitBreaker/delayUnit", "MILLIS");
        return MpConfigSources.create(limits);
    }

    /** The method source subclasses name. */
    protected static final String CHECKS = "com.liminaltransit.narrative.vendor.ProviderContractIT#checks";

    /** Runs the check named {@code name} against {@code vendor}, starting from a healthy vendor. */
    protected static void check(Vendor vendor, String name) {
        Checks checks = new Checks(vendor);
        checks.warmedUp();
        checks.healthyVendorBetweenTests();
        switch (name) {
            case "healthyVendorWritesTheStepInOneCall" -> checks.healthyVendorWritesTheStepInOneCall();
            case "rateLimitWithShortRetryAfterIsWaitedOutAndRetried" ->
                checks.rateLimitWithShortRetryAfterIsWaitedOutAndRetried();
            case "rateLimitWithRetryAfterBeyondTheCapFallsBackAtOnce" ->
                checks.rateLimitWithRetryAfterBeyondTheCapFallsBackAtOnce();
            case "serverErrorIsRetriedAndTheVendorRecovers" -> checks.serverErrorIsRetriedAndTheVendorRecovers();
            case "persistentUnavailabilityFallsBackAfterTheRetries" ->
                checks.persistentUnavailabilityFallsBackAfterTheRetries();
            case "answerSlowerThanTheTimeoutIsCutOffAndFallsBack" ->
                checks.answerSlowerThanTheTimeoutIsCutOffAndFallsBack();
            case "slowlyDrippingBodyIsCutOffLikeASilentOne" -> checks.slowlyDrippingBodyIsCutOffLikeASilentOne();
            case "malformedBodyIsRetriedAndTheVendorRecovers" -> checks.malformedBodyIsRetriedAndTheVendorRecovers();
            case "persistentlyMalformedBodyFallsBack" -> checks.persistentlyMalformedBodyFallsBack();
            case "droppedConnectionIsRetriedAndTheVendorRecovers" ->
                checks.droppedConnectionIsRetriedAndTheVendorRecovers();
            case "contractBreakingAnswerIsRepairedWithTheValidatorsComplaint" ->
                checks.contractBreakingAnswerIsRepairedWithTheValidatorsComplaint();
            case "contractBrokenTwiceFallsBackWithoutFurtherRetries" ->
                checks.contractBrokenTwiceFallsBackWithoutFurtherRetries();
            case "rejectedCredentialsAreNotRetried" -> checks.rejectedCredentialsAreNotRetried();
            case "readinessNamesTheProviderWithoutFailing" -> checks.readinessNamesTheProviderWithoutFailing();
            case "failingVendorOpensItsBreakerAndLaterStepsSkipItFast" ->
                checks.failingVendorOpensItsBreakerAndLaterStepsSkipItFast();
            default -> throw new IllegalArgumentException("no check " + name);
        }
    }

    /** The providers whose client this JVM has loaded. */
    private static final Set<String> WARMED = ConcurrentHashMap.newKeySet();

    /** The checks, each starting from a healthy vendor and a closed breaker. */
    private static final class Checks {

        private final Vendor vendor;

        Checks(Vendor vendor) {
            this.vendor = vendor;
        }

        /** Looked up, not injected: the checks are not the test instance. */
        private static ProviderChain chain() {
            return CDI.current().select(ProviderChain.class).get();
        }

        private VendorStub stub() {
            return vendor.stub();
        }

        private String provider() {
            return vendor.provider();
        }

        /**
         * A cold JVM's first calls load the vendor client's classes (the AWS SDK's take seconds on a busy machine),
         * longer than the checks' 1 s vendor timeout, which is not what the contract is about: before the first
         * check, calls are made outside fault tolerance until one answers (bounded).
         */
        void warmedUp() {
            if (!WARMED.add(provider())) {
                return;
            }
            AiProvider bean = CDI.current().select(AiProvider.class, Any.Literal.INSTANCE).stream()
                    .filter(candidate -> candidate.name().equals(provider()))
                    .findFirst()
                    .orElseThrow();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (true) {
                try {
                    bean.generateUnguarded(context());
                    break;
                } catch (NarrativeException stillCold) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the vendor never answered a healthy call", stillCold);
                    }
                }
            }
            stub().reset();
        }

        void healthyVendorBetweenTests() {
            // a good call between tests keeps one test's failures from opening the breaker in the next
            stub().reset();
            StepResult healthy = write();
            assertThat(healthy.generation().provider())
                    .as("the healthy call between checks (fell back: %s)", healthy.fallbackReason())
                    .isEqualTo(provider());
            stub().reset();
        }

        void healthyVendorWritesTheStepInOneCall() {
            // given a vendor that answers well

            // when
            StepResult step = write();

            // then
            assertWrittenByVendor(step, 1);
            assertThat(step.narrative().passage()).startsWith("The stub train");
            assertThat(step.generation().inputTokens()).isPositive();
            assertThat(step.generation().outputTokens()).isPositive();
            assertThat(step.costUsd()).isPositive();
            assertThat(stub().requests()).singleElement().satisfies(vendor.requestCheck()::accept);
            String metrics = Management.client().get("/metrics").body();
            assertThat(metrics)
                    .containsPattern("narrative_tokens_total\\{[^}]*direction=\"input\"[^}]*provider=\"" + provider())
                    .containsPattern("narrative_tokens_total\\{[^}]*direction=\"output\"[^}]*provider=\"" + provider());
            Matcher cost = Pattern.compile("narrative_cost_usd\\{[^}]*provider=\"" + provider() + "\"[^}]*} (\\S+)")
                    .matcher(metrics);
            assertThat(cost.find()).isTrue();
            assertThat(Double.parseDouble(cost.group(1))).isPositive();
        }

        void rateLimitWithShortRetryAfterIsWaitedOutAndRetried() {
            // given
            stub().then(rateLimited(1));
            long started = System.nanoTime();

            // when
            StepResult step = write();

            // then
            assertWrittenByVendor(step, 2);
            assertThat(since(started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }

        void rateLimitWithRetryAfterBeyondTheCapFallsBackAtOnce() {
            // given
            stub().then(rateLimited(120));
            long started = System.nanoTime();

            // when
            StepResult step = write();

            // then
            assertFellBack(step, 1, "QuotaExhaustedException");
            assertThat(since(started)).as("not the 120 s asked for").isLessThan(Duration.ofSeconds(10));
        }

        void serverErrorIsRetriedAndTheVendorRecovers() {
            // given
            stub().then(status(500));

            // when
            StepResult step = write();

            // then
            assertWrittenByVendor(step, 2);
        }

        void persistentUnavailabilityFallsBackAfterTheRetries() {
            // given
            stub().times(3, status(503));

            // when
            StepResult step = write();

            // then
            assertFellBack(step, 3, "ProviderUnavailableException");
        }

        void answerSlowerThanTheTimeoutIsCutOffAndFallsBack() {
            // given
            stub().times(3, delayed(5_000));
            long started = System.nanoTime();

            // when
            StepResult step = write();

            // then
            assertFellBack(step, 3, "ProviderTimeoutException");
            assertThat(since(started))
                    .as("three 1 s cuts, not three 5 s answers")
                    .isLessThan(Duration.ofSeconds(8));
        }

        void slowlyDrippingBodyIsCutOffLikeASilentOne() {
            // given
            stub().times(3, drip(100));
            long started = System.nanoTime();

            // when
            StepResult step = write();

            // then
            assertFellBack(step, 3, "ProviderTimeoutException");
            assertThat(since(started))
                    .as("three 1 s cuts, not a body dripped over a minute")
                    .isLessThan(Duration.ofSeconds(8));
        }

        void malformedBodyIsRetriedAndTheVendorRecovers() {
            // given
            stub().then(malformed());

            // when
            StepResult step = write();

            // then
            assertWrittenByVendor(step, 2);
        }

        void persistentlyMalformedBodyFallsBack() {
            // given
            stub().times(3, malformed());

            // when
            StepResult step = write();

            // then
            assertFellBack(step, 3, "ProviderUnavailableException");
        }

        void droppedConnectionIsRetriedAndTheVendorRecovers() {
            // given
            stub().then(connectionReset());

            // when
            StepResult step = write();

            // then
            assertWrittenByVendor(step, 2);
        }

        void contractBreakingAnswerIsRepairedWithTheValidatorsComplaint() {
            // given
            stub().then(contractBreaking());

            // when
            StepResult step = write();

            // then
            assertWrittenByVendor(step, 2);
            List<Recorded> requests = stub().requests();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).body()).contains("could not be used").contains("choices");
        }

        void contractBrokenTwiceFallsBackWithoutFurtherRetries() {
            // given
            stub().times(2, contractBreaking());

            // when
            StepResult step = write();

            // then
            assertFellBack(step, 2, "InvalidNarrativeException");
        }

        void rejectedCredentialsAreNotRetried() {
            // given
            stub().then(status(401));

            // when
            StepResult step = write();

            // then
            assertFellBack(step, 1, "ProviderAuthException");
        }

        void readinessNamesTheProviderWithoutFailing() {
            // when
            PlayerClient.Answer ready = Management.client().get("/health/ready");

            // then
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body())
                    .contains("\"" + provider() + "\":\"closed\"")
                    .contains("\"offline\":\"closed\"");
        }

        void failingVendorOpensItsBreakerAndLaterStepsSkipItFast() {
            // given a vendor that keeps timing out: two steps fill the breaker's window with failures
            stub().times(100, delayed(5_000));
            write();
            write();
            int callsSoFar = stub().requests().size();
            long started = System.nanoTime();

            // when
            StepResult step = write();

            // then the vendor is not called at all: no three attempts of a second each
            assertThat(step.generation().provider()).isEqualTo("offline");
            assertThat(step.fallbackReason()).contains("CircuitBreakerOpenException");
            assertThat(step.attempts()).isEqualTo(2);
            assertThat(stub().requests()).hasSize(callsSoFar);
            assertThat(since(started)).isLessThan(Duration.ofMillis(2500));
            PlayerClient player = Management.client();
            assertThat(player.get("/health/ready").body()).contains("\"" + provider() + "\":\"open\"");
            assertThat(player.get("/metrics").body())
                    .containsPattern("narrative_fallbacks_total\\{[^}]*provider=\"" + provider()
                            + "\"[^}]*reason=\"CircuitBreakerOpenException\"");
        }

        /**
         * Writes a step on a virtual thread, as Helidon's request handlers do: there a fault-tolerance timeout's
         * interrupt also ends a blocked socket read, which it cannot do on the test's platform thread.
         */
        private StepResult write() {
            StoryContext context = context();
            try (ExecutorService requestThread = Executors.newVirtualThreadPerTaskExecutor()) {
                return requestThread.submit(() -> chain().write(context)).get();
            } catch (ExecutionException e) {
                throw new AssertionError("the chain threw instead of answering", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        private static StoryContext context() {
            return new StoryContext(
                    "ride-" + System.nanoTime(),
                    42L,
                    1,
                    "You boarded a night train.",
                    List.of(new PastStop(
                            0, "A platform under a single lamp; the train waits with open doors.", "Step aboard")),
                    new ChoiceOption("a", "Step aboard"),
                    List.of("a"),
                    "en");
        }

        private void assertWrittenByVendor(StepResult step, int attempts) {
            assertThat(step.generation().provider()).isEqualTo(provider());
            assertThat(step.attempts()).isEqualTo(attempts);
            assertThat(step.fallbackReason()).isNull();
            assertThat(NarrativeValidator.validate(step.narrative()).valid()).isTrue();
        }

        private void assertFellBack(StepResult step, int vendorCalls, String reason) {
            assertThat(step.generation().provider()).isEqualTo("offline");
            assertThat(NarrativeValidator.validate(step.narrative()).valid()).isTrue();
            assertThat(step.fallbackReason()).startsWith(provider() + ": " + reason);
            assertThat(step.attempts()).isEqualTo(vendorCalls + 1);
            assertThat(stub().requests()).hasSize(vendorCalls);
        }

        private static Duration since(long started) {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
