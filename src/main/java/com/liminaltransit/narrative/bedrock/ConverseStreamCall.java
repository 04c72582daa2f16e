package com.liminaltransit.narrative.bedrock;

import com.liminaltransit.narrative.NarrativeException;
import com.liminaltransit.narrative.ProviderAuthException;
import com.liminaltransit.narrative.ProviderTimeoutException;
import com.liminaltransit.narrative.ProviderUnavailableException;
import com.liminaltransit.narrative.RateLimitedException;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.vendor.AwsSupport;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * One ConverseStream call read on the calling thread. The SDK delivers events on its own threads; its handler only
 * puts them on a queue, and the caller takes them off (interruptibly, so the stall watch and the step deadline can
 * cut it) and hands each piece of text on itself, in order. Whatever ends the reading early (an interrupt, a refused
 * sentence, a failure) cancels the SDK's call, which closes the connection.
 */
final class ConverseStreamCall {

    private ConverseStreamCall() {}

    /** What the SDK's handler saw, in the order it saw it. */
    private sealed interface Event {}

    private record Piece(String text) implements Event {}

    private record Stop(String reason) implements Event {}

    private record Usage(int inputTokens, int outputTokens) implements Event {}

    private record Failed(Throwable cause) implements Event {}

    private record Completed() implements Event {}

    /**
     * Streams {@code request} and hands each piece of the answer's text to {@code text} on this thread.
     *
     * @param vendor the provider's name, for messages
     * @param model  the model asked for (ConverseStream does not name the model that answered)
     * @return the whole text and the usage of the stream's {@code metadata} event (0 when it has none)
     * @throws NarrativeException (a subclass) for the SDK's failures and a stream that ends without
     *     {@code messageStop}; a plain {@code NarrativeException}, interrupt flag kept, when this thread is interrupted;
     *     whatever {@code text} throws, unchanged
     */
    static Reply read(
            String vendor,
            BedrockRuntimeAsyncClient client,
            ConverseStreamRequest request,
            String model,
            Consumer<String> text) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onContentBlockDelta(delta -> piece(delta).ifPresent(events::add))
                        .onMessageStop(stop -> events.add(new Stop(stop.stopReasonAsString())))
                        .onMetadata(metadata -> events.add(usage(metadata)))
                        .build())
                .onError(failure -> events.add(new Failed(failure)))
                .onComplete(() -> events.add(new Completed()))
                .build();
        CompletableFuture<Void> call = client.converseStream(request, handler);
        // a failure the handler is not told of (one before the response, say) still ends the reading
        call.whenComplete((done, failure) -> {
            if (failure != null) {
                events.add(new Failed(failure));
            }
        });
        StringBuilder whole = new StringBuilder();
        String stopReason = null;
        Usage usage = new Usage(0, 0);
        try {
            while (true) {
                switch (events.take()) {
                    case Piece piece -> {
                        whole.append(piece.text());
                        text.accept(piece.text());
                    }
                    case Stop stop -> stopReason = stop.reason();
                    case Usage reported -> usage = reported;
                    case Failed failed -> throw failure(vendor, failed.cause());
                    case Completed completed -> {
                        if (stopReason == null) {
                            throw new ProviderUnavailableException(vendor + "'s stream ended without messageStop");
                        }
                        return Reply.text(whole.toString(), model, usage.inputTokens(), usage.outputTokens());
                    }
                }
            }
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new NarrativeException(vendor + " stream interrupted", e);
        } catch (RuntimeException e) {
            call.cancel(true); // a refused sentence or a failure: read no more
            throw e;
        }
    }

    private static Optional<Event> piece(ContentBlockDeltaEvent event) {
        // text only: a reasoning model's reasoning deltas are not the answer
        String text = event.delta() == null ? null : event.delta().text();
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(new Piece(text));
    }

    private static Usage usage(ConverseStreamMetadataEvent event) {
        if (event.usage() == null) {
            return new Usage(0, 0);
        }
        return new Usage(count(event.usage().inputTokens()), count(event.usage().outputTokens()));
    }

    private static int count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }

    /**
     * Our exception for what ended the stream. An error answered before the stream maps by its HTTP status, as
     * Converse's do ({@link AwsSupport#failure}); an exception event in the stream carries no status of its own, so its
     * type decides: throttled, refused credentials, or the model or service failing mid-answer.
     */
    static NarrativeException failure(String vendor, Throwable thrown) {
        Throwable cause = unwrapped(thrown);
        if (cause instanceof NarrativeException ours) {
            return ours;
        }
        if (cause instanceof AwsServiceException service) {
            NarrativeException byStatus = AwsSupport.failure(vendor, service);
            String message = byStatus.getMessage();
            if (service instanceof ThrottlingException && !(byStatus instanceof RateLimitedException)) {
                return new RateLimitedException(message, null);
            }
            if (service instanceof AccessDeniedException && !(byStatus instanceof ProviderAuthException)) {
                return new ProviderAuthException(vendor + " refused the credentials");
            }
            if (service instanceof ModelTimeoutException && !(byStatus instanceof ProviderTimeoutException)) {
                return new ProviderTimeoutException(message, service);
            }
            if ((service instanceof ModelStreamErrorException
                            || service instanceof ServiceUnavailableException
                            || service instanceof InternalServerException)
                    && !(byStatus instanceof ProviderUnavailableException)) {
                return new ProviderUnavailableException(message, service);
            }
            return byStatus;
        }
        if (cause instanceof ApiCallTimeoutException
                || cause instanceof ApiCallAttemptTimeoutException
                || causedBy(cause, TimeoutException.class)
                || causedBy(cause, ReadTimeoutException.class)) {
            return new ProviderTimeoutException(vendor + "'s stream was silent past its read timeout", cause);
        }
        String what = causedBy(cause, IOException.class) ? " connection failed: " : " stream failed: ";
        return new ProviderUnavailableException(
                vendor + what + cause.getClass().getSimpleName() + detail(cause), cause);
    }

    private static Throwable unwrapped(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String detail(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return " (" + (line.length() <= 200 ? line : line.substring(0, 199) + "…") + ")";
    }
}
