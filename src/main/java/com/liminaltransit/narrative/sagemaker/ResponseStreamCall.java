package com.liminaltransit.narrative.sagemaker;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.RateLimitedException;
import com.liminaltransit.narrative.vendor.AwsSupport;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalStreamFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.PayloadPart;
import software.amazon.awssdk.services.sagemakerruntime.model.ResponseStream;

/**
 * One InvokeEndpointWithResponseStream call on the SDK's async client, read on the calling thread. The SDK's threads
 * only queue what arrives (each payload part's bytes, the end, a failure); the calling thread takes from the queue,
 * cuts the bytes into lines ({@link PayloadLines}) and gives each to the container's reader, which hands the model's
 * text on. So whatever consumes the text runs on the calling thread, in order, and an exception out of it, an
 * interrupt or a failure ends the call at once (the SDK's request is cancelled).
 */
final class ResponseStreamCall {

    /** After the container's final event, how long the end of the HTTP body is waited for (to keep the connection). */
    private static final long END_WAIT_MILLIS = 200;

    private sealed interface Signal permits Part, Ended, Failed {}

    private record Part(byte[] bytes) implements Signal {}

    private record Ended() implements Signal {}

    private record Failed(Throwable cause) implements Signal {}

    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final AtomicReference<Subscription> subscription = new AtomicReference<>();
    private final long maxBytes;
    private final CompletableFuture<Void> call;

    private ResponseStreamCall(
            SageMakerRuntimeAsyncClient client, InvokeEndpointWithResponseStreamRequest request, long maxBytes) {
        this.maxBytes = maxBytes;
        var handler = InvokeEndpointWithResponseStreamResponseHandler.builder()
                .onEventStream(publisher -> publisher.subscribe(new Queueing()))
                .build();
        this.call = client.invokeEndpointWithResponseStream(request, handler);
        // a failure before the stream (an HTTP error, a refused connection) never reaches the subscriber
        call.whenComplete((ignored, failure) -> {
            if (failure != null) {
                signals.add(new Failed(failure));
            }
        });
    }

    /**
     * Sends {@code request} and reads the answer with {@code reader} until its final event or the end of the stream.
     *
     * @param maxBytes the most bytes the answer may have; a longer one is refused as it arrives
     * @throws NarrativeException (a subclass) for a failure of the call or the stream; an exception out of the
     *     reader (its text consumer) propagates unchanged
     */
    static void read(
            SageMakerRuntimeAsyncClient client,
            InvokeEndpointWithResponseStreamRequest request,
            long maxBytes,
            InvocationFormat.StreamReader reader) {
        new ResponseStreamCall(client, request, maxBytes).readWith(reader);
    }

    private void readWith(InvocationFormat.StreamReader reader) {
        var lines = new PayloadLines();
        try {
            while (!reader.done()) {
                switch (signals.take()) {
                    case Part part -> lines.feed(part.bytes(), reader::line);
                    case Ended ended -> {
                        lines.finish(reader::line);
                        return;
                    }
                    case Failed failed -> throw failure(failed.cause());
                }
            }
            awaitEnd();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new NarrativeException(SageMakerProvider.NAME + " stream interrupted", e);
        } catch (RuntimeException e) {
            cancel();
            throw e;
        }
    }

    /**
     * The container has said its last word: the end of the body is given a moment so the connection can be used
     * again, then the call is dropped.
     */
    private void awaitEnd() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(END_WAIT_MILLIS);
        for (long left = END_WAIT_MILLIS;
                left > 0;
                left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
            Signal signal = signals.poll(left, TimeUnit.MILLISECONDS);
            if (signal instanceof Ended || signal instanceof Failed) {
                return;
            }
        }
        cancel();
    }

    private void cancel() {
        Subscription open = subscription.get();
        if (open != null) {
            open.cancel();
        }
        call.cancel(true);
    }

    /** Our exception for a failed call or stream. */
    static NarrativeException failure(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof NarrativeException ours) {
            return ours;
        }
        var modelError = find(cause, ModelStreamErrorException.class);
        if (modelError != null) {
            return new ProviderUnavailableException(
                    SageMakerProvider.NAME + "'s model failed mid-stream"
                            + (modelError.errorCode() == null ? "" : " (" + modelError.errorCode() + ")"),
                    modelError);
        }
        var streamFailure = find(cause, InternalStreamFailureException.class);
        if (streamFailure != null) {
            return new ProviderUnavailableException(
                    SageMakerProvider.NAME + "'s stream failed inside SageMaker", streamFailure);
        }
        if (cause instanceof AwsServiceException service
                && service.isThrottlingException()
                && service.statusCode() != 429) {
            // a throttling error code on another status; a 429 is mapped with its Retry-After below
            return new RateLimitedException(SageMakerProvider.NAME + " throttled the call", null);
        }
        // the stream's own failures (a reset: SocketException) arrive unwrapped: mapped as the SDK's would be
        SdkException sdk = cause instanceof SdkException thrownBySdk
                ? thrownBySdk
                : SdkClientException.create(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        return AwsSupport.failure(SageMakerProvider.NAME, sdk);
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** Runs on the SDK's threads: queues what arrives, nothing more. */
    private final class Queueing implements Subscriber<ResponseStream> {
        private long received;
        private boolean over;

        @Override
        public void onSubscribe(Subscription opened) {
            subscription.set(opened);
            opened.request(Long.MAX_VALUE); // bounded by maxBytes below
        }

        @Override
        public void onNext(ResponseStream event) {
            if (over || !(event instanceof PayloadPart part) || part.bytes() == null) {
                return;
            }
            byte[] bytes = part.bytes().asByteArray();
            received += bytes.length;
            if (received > maxBytes) {
                over = true;
                subscription.get().cancel();
                signals.add(new Failed(new ProviderUnavailableException(
                        SageMakerProvider.NAME + " sent a stream over " + maxBytes + " bytes")));
                return;
            }
            signals.add(new Part(bytes));
        }

        @Override
        public void onError(Throwable failure) {
            signals.add(new Failed(failure));
        }

        @Override
        public void onComplete() {
            signals.add(new Ended());
        }
    }
}
