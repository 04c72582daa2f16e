package com.liminaltransit.web;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Watches each HTTP/1.1 request between its request line and the end of its headers, where Helidon 4.3 has no
 * timeout of its own (its idle timeout interrupts a connection only while it waits for a request line):
 * <ul>
 *   <li>a client that has not finished its headers within {@code headersTimeout} has its connection closed, so a
 *       slow-headers client holds a connection for a bounded time;</li>
 *   <li>a request whose body length is ambiguous is refused with {@code 400} and the connection closed, before
 *       anything reads a byte of its body: {@code Content-Length} given more than once or not as plain digits,
 *       {@code Transfer-Encoding} other than exactly {@code chunked}, or both headers at once. A proxy in front of
 *       us could read such a body differently and smuggle a second request inside it;</li>
 *   <li>after a request that said {@code Connection: close}, nothing more is served on its connection: Helidon 4.3
 *       answers it with {@code Connection: close} but would go on reading requests, so a next request on that
 *       connection closes it instead. (The connection otherwise closes when the client closes it, as clients do
 *       after such an answer, or at {@code server.idle-connection-timeout}.)</li>
 * </ul>
 */
final class Http1Guard implements Http1ConnectionListener, AutoCloseable {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private final Duration headersTimeout;
    private final ScheduledExecutorService timer;
    private final Map<ConnectionContext, Deadline> reading = new ConcurrentHashMap<>();
    /** Connections whose last request asked to close (weak: a connection that ends is forgotten). */
    private final Set<ConnectionContext> closing =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    Http1Guard(Duration headersTimeout) {
        this.headersTimeout = headersTimeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(task ->
                Thread.ofPlatform().daemon(true).name("liminal-headers-timeout").unstarted(task));
    }

    @Override
    public void prologue(ConnectionContext connection, HttpPrologue prologue) {
        if (closing.remove(connection)) {
            throw new CloseConnectionException("A request after Connection: close");
        }
        Deadline deadline = new Deadline();
        reading.put(connection, deadline);
        deadline.timer = timer.schedule(
                () -> {
                    // remove(key, value) decides the race with headers(): only one of them wins.
                    if (reading.remove(connection, deadline)) {
                        connection.serverSocket().close();
                    }
                },
                headersTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void headers(ConnectionContext connection, Headers headers) {
        Deadline deadline = reading.remove(connection);
        if (deadline != null) {
            deadline.timer.cancel(false);
        }
        checkFraming(headers);
        if (values(headers, HeaderNames.CONNECTION).stream().anyMatch(token -> token.equalsIgnoreCase("close"))) {
            closing.add(connection);
        }
    }

    /** Refuses a request whose body length two readers could read differently. */
    static void checkFraming(Headers headers) {
        List<String> lengths = values(headers, HeaderNames.CONTENT_LENGTH);
        List<String> codings = values(headers, HeaderNames.TRANSFER_ENCODING);
        if (lengths.size() > 1) {
            throw ambiguous("Content-Length must be sent once");
        }
        if (lengths.size() == 1 && !DIGITS.matcher(lengths.getFirst()).matches()) {
            throw ambiguous("Content-Length must be a number");
        }
        if (!codings.isEmpty() && !codings.equals(List.of("chunked"))) {
            throw ambiguous("Transfer-Encoding must be chunked");
        }
        if (!codings.isEmpty() && !lengths.isEmpty()) {
            throw ambiguous("Content-Length and Transfer-Encoding must not be sent together");
        }
    }

    /** Every value of a header, lists split at commas, each trimmed (empty ones kept: they are malformed). */
    private static List<String> values(Headers headers, HeaderName name) {
        if (!headers.contains(name)) {
            return List.of();
        }
        return headers.get(name).allValues().stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",", -1)))
                .map(String::strip)
                .toList();
    }

    private static RequestException ambiguous(String reason) {
        return RequestException.builder()
                .type(DirectHandler.EventType.BAD_REQUEST)
                .status(Status.BAD_REQUEST_400)
                .setKeepAlive(false)
                .safeMessage(true)
                .message(reason)
                .build();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The pending close of one connection. */
    private static final class Deadline {
        private volatile ScheduledFuture<?> timer;
    }
}
