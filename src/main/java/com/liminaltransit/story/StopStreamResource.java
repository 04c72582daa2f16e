package com.liminaltransit.story;

import com.liminaltransit.narrative.stream.Sentence;
import com.liminaltransit.narrative.stream.SentenceSplitter;
import com.liminaltransit.web.PageException;
import com.liminaltransit.web.PageLanguages;
import com.liminaltransit.web.PlayerCookieFilter;
import com.liminaltransit.web.RequestOrigin;
import com.liminaltransit.web.ThymeleafWriter;
import com.liminaltransit.web.View;
import io.helidon.common.context.Contexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.unbescape.html.HtmlEscape;

/**
 * {@code GET /stories/{id}/stops/{n}/stream}: the stop being written, as server-sent events. {@code sentence}
 * carries one checked sentence (escaped HTML), {@code status} the polite announcement, {@code commit} the finished
 * stop with its controls; then the stream ends. A stop already written is replayed at once; one being written on
 * this server is attached to; one claimed elsewhere is waited for (at most the claim timeout). SSE comments keep
 * the connection alive through proxies' idle timeouts.
 */
@Path("stories/{id}/stops/{n}/stream")
@ApplicationScoped
public class StopStreamResource {

    private static final Logger LOG = Logger.getLogger(StopStreamResource.class.getName());
    private static final Pattern STOP = Pattern.compile("[1-9]\\d{0,3}");
    private static final String TEMPLATE = "story/stream";
    private static final String WRITING = "ride.working";

    private final StoryService stories;
    private final StopWrites writes;
    private final StopClaims claims;
    private final Retries retries;
    private final ThymeleafWriter templates;
    private final Clock clock;
    private final Duration keepAlive;
    private final OpenStreams open;
    private final RequestOrigin origin;

    @Inject
    StopStreamResource(
            StoryService stories,
            StopWrites writes,
            StopClaims claims,
            Retries retries,
            ThymeleafWriter templates,
            Clock clock,
            @ConfigProperty(name = "liminal.stream.keep-alive", defaultValue = "15s") Duration keepAlive,
            OpenStreams open,
            RequestOrigin origin) {
        this.open = open;
        this.origin = origin;
        this.stories = stories;
        this.writes = writes;
        this.claims = claims;
        this.retries = retries;
        this.templates = templates;
        this.clock = clock;
        this.keepAlive = keepAlive;
    }

    /** Opens the stream; the events are sent from a thread of their own, so this returns at once. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @PathParam("id") String id,
            @PathParam("n") String n,
            @Context ContainerRequestContext request,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        String rideId = StoryResource.checkedId(id);
        if (n == null || !STOP.matcher(n).matches()) {
            throw new StoryException.NotFound();
        }
        int stop = Integer.parseInt(n);
        Story story = stories.story(rideId);
        if (!story.hasStop(stop - 1)) {
            throw new StoryException.NotFound();
        }
        var player = PlayerCookieFilter.player(request);
        boolean owner = player.owns(story.ride().ownerHash());
        // the events speak the language of the page that opened the stream (its words; the story keeps its own)
        jakarta.ws.rs.core.Cookie cookie = request.getCookies().get(PageLanguages.COOKIE);
        Locale page = templates.locale(
                cookie == null ? null : cookie.getValue(),
                request.getHeaderString(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE));
        // a reconnecting browser names the last sentence it has: it is not sent twice
        int seen = lastEventId != null && lastEventId.matches("\\d{1,4}") ? Integer.parseInt(lastEventId) : 0;
        var events = new Events(sink, sse, rideId, stop, owner, seen, page);
        // Jersey on Helidon writes the events through the request's context: carry it to the sending thread
        var context = Contexts.context().orElseThrow();
        OpenStreams.Lease lease = open.open(player.ownerHash(), origin.clientAddress(request))
                .orElseThrow(() -> new PageException(
                        Response.Status.TOO_MANY_REQUESTS,
                        "Too many stops are streaming for you at once. Close another tab of the ride, then reload"
                                + " this one.",
                        "stream.too-many",
                        null));
        Thread.ofVirtual().name("stream-" + rideId + "-" + stop).start(() -> {
            try (lease) {
                Contexts.runInContext(context, events::run);
            }
        });
    }

    /** One open stream. */
    private final class Events {
        private final SseEventSink sink;
        private final Sse sse;
        private final String rideId;
        private final int stop;
        private final boolean owner;
        private final int seen;
        private final Locale page;
        private int sent;
        private boolean announced;
        private final List<String> shown = new ArrayList<>();

        Events(SseEventSink sink, Sse sse, String rideId, int stop, boolean owner, int seen, Locale page) {
            this.seen = seen;
            this.page = page;
            this.sink = sink;
            this.sse = sse;
            this.rideId = rideId;
            this.stop = stop;
            this.owner = owner;
        }

        void run() {
            try (sink) {
                var live = writes.find(rideId, stop);
                if (live.isPresent()) {
                    follow(live.get());
                } else {
                    awaitStored();
                }
            } catch (ClientGone gone) {
                // The tab closed: the write goes on without it, and the stop is there on return.
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A stop stream failed", e);
            }
        }

        private void follow(StopWrite write) {
            announceWriting();
            var queue = write.attach();
            while (true) {
                StopWrite.Event event;
                try {
                    event = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                switch (event) {
                    case null ->
                        send(sse.newEventBuilder().comment("keep-alive").build());
                    case StopWrite.Shown shown -> sentence(shown.sentence(), shown.language());
                    case StopWrite.Written written -> {
                        commit(written.story());
                        return;
                    }
                    case StopWrite.Failed failed -> {
                        status(failed.reason());
                        commitAsItStands(stories.story(rideId));
                        return;
                    }
                }
            }
        }

        /** Nothing is being written here: replay the stored stop, waiting for a write elsewhere if need be. */
        private void awaitStored() {
            Instant giveUp = clock.instant().plus(claims.timeout());
            Instant nextKeepAlive = clock.instant().plus(keepAlive);
            for (int round = 0; ; round++) {
                // the claim is let go only after the stop is stored, so look at it before the ride
                boolean beingWritten = claims.held(rideId, stop - 1);
                Story story = stories.story(rideId);
                if (story.hasStop(stop)) {
                    Passage written = story.passage(stop);
                    Locale language = Locale.forLanguageTag(story.ride().language());
                    for (Sentence sentence : SentenceSplitter.split(written.body(), language)) {
                        sentence(sentence, written.language());
                    }
                    commit(story);
                    return;
                }
                var live = writes.find(rideId, stop);
                if (live.isPresent()) {
                    follow(live.get());
                    return;
                }
                if (beingWritten) {
                    announceWriting(); // claimed on another server (or not yet started here)
                }
                if (!beingWritten || clock.instant().isAfter(giveUp)) {
                    status(templates.message(page, "stream.not-written"));
                    commitAsItStands(story);
                    return;
                }
                if (clock.instant().isAfter(nextKeepAlive)) {
                    send(sse.newEventBuilder().comment("keep-alive").build());
                    nextKeepAlive = clock.instant().plus(keepAlive);
                }
                StoryService.pause(round);
            }
        }

        /** "The train is writing the next stop…", once per stream whichever way it comes to wait. */
        private void announceWriting() {
            if (!announced) {
                announced = true;
                status(templates.message(page, WRITING));
            }
        }

        /** Sentence events are numbered from 1, so a reconnect can say how far it got. */
        private void sentence(Sentence sentence, String language) {
            sent++;
            shown.add(sentence.text());
            if (sent <= seen) {
                return;
            }
            send(sse.newEventBuilder()
                    .name("sentence")
                    .id(String.valueOf(sent))
                    .mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(
                            String.class,
                            render("sentence", Map.of("sentence", sentence.text(), "lang", language))
                                    .strip())
                    .build());
        }

        private void status(String text) {
            send(event("status", HtmlEscape.escapeHtml5(text)));
        }

        private void commit(Story story) {
            Passage next = story.passage(stop);
            status(
                    next.ending()
                            ? templates.message(page, "stream.announce.terminus")
                            : templates.message(
                                    page,
                                    "stream.announce.stop",
                                    next.stop(),
                                    next.choices().size()));
            // the very fragment a choice without streaming answers with: the stop and today's out-of-band updates
            send(event(
                    "commit", templates.render(View.fragment("story/ride", "step", model(story, next)), page, null)));
        }

        /**
         * The write failed, or nobody writes the stop: the sentences this stream showed stay, and the controls as
         * they stand come back, so the open stop can be answered again.
         */
        private void commitAsItStands(Story story) {
            if (story.hasStop(stop)) {
                commit(story);
                return;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("story", story);
            model.put("owner", owner);
            model.put("retryLimit", retries.perStop());
            model.put("stop", stop);
            model.put("sentences", List.copyOf(shown));
            send(event("commit", render("stopped", model)));
        }

        private Map<String, Object> model(Story story, Passage next) {
            Map<String, Object> model = new HashMap<>();
            model.put("story", story);
            model.put("owner", owner);
            model.put("next", next);
            model.put("answered", story.passage(stop - 1));
            model.put("focus", next.stop());
            model.put("retryLimit", retries.perStop());
            return model;
        }

        private String render(String fragment, Map<String, Object> model) {
            return templates.render(View.fragment(TEMPLATE, fragment, model), page, null);
        }

        private OutboundSseEvent event(String name, String html) {
            return sse.newEventBuilder()
                    .name(name)
                    .mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, html.strip())
                    .build();
        }

        private void send(OutboundSseEvent event) {
            if (sink.isClosed()) {
                throw new ClientGone();
            }
            try {
                sink.send(event).toCompletableFuture().join();
            } catch (RuntimeException e) {
                throw new ClientGone();
            }
        }
    }

    /** The player's tab went away mid-stream. */
    private static final class ClientGone extends RuntimeException {
        ClientGone() {
            super(null, null, false, false);
        }
    }
}
