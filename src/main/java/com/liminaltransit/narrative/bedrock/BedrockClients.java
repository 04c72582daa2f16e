package com.liminaltransit.narrative.bedrock;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.vendor.AwsSupport;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The provider's two SDK clients as the one client {@code VendorProvider} manages: the sync client for Converse, and
 * the async client for ConverseStream (the SDK streams only through an async client). Each is built on its first
 * use, so a chain that never streams never starts Netty's threads; both are closed with the bean. The Netty event
 * loops are ours, not the SDK's: the SDK closes its own with a 2 s quiet period, and a stream still open at
 * shutdown is cut off, not waited for (as {@code VendorHttp} does).
 */
final class BedrockClients implements AutoCloseable {

    /** As many open streams as {@code StreamGuard}'s bulkhead lets in (Netty's default is 50). */
    private static final int MAX_STREAMS = 256;

    private final Supplier<BedrockRuntimeClient> openSync;
    private final Function<SdkEventLoopGroup, BedrockRuntimeAsyncClient> openAsync;
    private volatile BedrockRuntimeClient sync;
    private volatile BedrockRuntimeAsyncClient async;
    private SdkEventLoopGroup loops;

    BedrockClients(
            Supplier<BedrockRuntimeClient> openSync, Function<SdkEventLoopGroup, BedrockRuntimeAsyncClient> openAsync) {
        this.openSync = openSync;
        this.openAsync = openAsync;
    }

    /** The clients with the provider's settings: region, credentials chain and endpoint alike for both. */
    static BedrockClients of(String vendor, Optional<String> region, Duration timeout, Optional<String> endpoint) {
        return new BedrockClients(
                () -> AwsSupport.build(vendor, BedrockRuntimeClient.builder(), region, timeout, endpoint),
                loops -> openAsync(vendor, region, timeout, endpoint, loops));
    }

    /**
     * The async client over Netty, set up like {@link AwsSupport#build}: the default credentials chain, no SDK retries
     * (a stream is never retried: the next link continues it). HTTP/1.1 (Bedrock's own default here is HTTP/2, which
     * ConverseStream does not need; HTTP/1.1 also reaches a plain-HTTP stub or proxy). No time for the whole call:
     * a stream lasts as long as the model writes, cut by the stall watch and the step deadline; {@code timeout}
     * bounds each silence on the socket, as it does for the sync client.
     */
    static BedrockRuntimeAsyncClient openAsync(
            String vendor,
            Optional<String> region,
            Duration timeout,
            Optional<String> endpoint,
            SdkEventLoopGroup loops) {
        String where = AwsSupport.region(region).orElseThrow(() -> new NarrativeException(vendor + " has no region"));
        var builder = BedrockRuntimeAsyncClient.builder()
                .region(Region.of(where))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .eventLoopGroup(loops)
                        .protocol(Protocol.HTTP1_1)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .readTimeout(timeout)
                        .maxConcurrency(MAX_STREAMS))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()));
        endpoint.filter(uri -> !uri.isBlank()).map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The sync client (Converse), built on first use. */
    BedrockRuntimeClient sync() {
        BedrockRuntimeClient built = sync;
        if (built == null) {
            synchronized (this) {
                built = sync;
                if (built == null) {
                    built = openSync.get();
                    sync = built;
                }
            }
        }
        return built;
    }

    /** The async client (ConverseStream), built on first use. */
    BedrockRuntimeAsyncClient async() {
        BedrockRuntimeAsyncClient built = async;
        if (built == null) {
            synchronized (this) {
                built = async;
                if (built == null) {
                    SdkEventLoopGroup started = SdkEventLoopGroup.builder().build();
                    try {
                        built = openAsync.apply(started);
                    } catch (RuntimeException e) {
                        started.eventLoopGroup().shutdownGracefully(0, 0, TimeUnit.SECONDS);
                        throw e;
                    }
                    loops = started;
                    async = built;
                }
            }
        }
        return built;
    }

    /** Closes whichever clients were built, and stops the Netty threads without a quiet period. */
    @Override
    public synchronized void close() {
        if (sync != null) {
            sync.close();
        }
        if (async != null) {
            async.close();
            loops.eventLoopGroup().shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }
}
