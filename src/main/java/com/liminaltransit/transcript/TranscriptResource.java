package com.liminaltransit.transcript;

import com.liminaltransit.story.Story;
import com.liminaltransit.story.StoryService;
import com.liminaltransit.web.PageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A ride as a document to keep: {@code GET /stories/{id}/transcript.md|txt|html|epub}, the ride up to its newest
 * stop or, with {@code ?stop=n}, up to stop {@code n}.
 *
 * <p>Who may read it: anyone with the ride's link, as for the ride page itself ({@code GET /stories/{id}} shows the
 * whole ride to whoever opens it; only choosing is the passenger's). A transcript shows nothing the ride page does
 * not, and ride ids are unguessable. It writes nothing, so it needs neither a player cookie nor a limit.
 */
@Path("stories/{id}/transcript.{format}")
@ApplicationScoped
public class TranscriptResource {

    private static final Pattern RIDE_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** A stop number: digits only. Longer than this cannot be a stop of any ride, so it is past the end. */
    private static final Pattern STOP = Pattern.compile("\\d+");

    private static final int LONGEST_STOP_DIGITS = 6;

    private final StoryService stories;

    @Inject
    TranscriptResource(StoryService stories) {
        this.stories = stories;
    }

    /** The transcript in the format its extension names. */
    @GET
    public Response transcript(
            @PathParam("id") String id, @PathParam("format") String extension, @QueryParam("stop") String stop) {
        TranscriptFormat format = TranscriptFormat.byExtension(extension).orElseThrow(TranscriptResource::noSuchPage);
        if (!RIDE_ID.matcher(id).matches()) {
            throw noSuchRide();
        }
        Story story = stories.ride(id);
        Transcript transcript = Transcripts.of(story, lastStop(story, stop));
        Response.ResponseBuilder response = switch (format) {
            case MARKDOWN -> Response.ok(utf8(MarkdownTranscript.render(transcript)));
            case TEXT -> Response.ok(utf8(PlainTextTranscript.render(transcript)));
            case HTML -> Response.ok(HtmlTranscript.view(transcript));
            case EPUB -> Response.ok(EpubTranscript.render(transcript));
        };
        return response.type(format.mediaType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        DownloadName.of(transcript, format).contentDisposition(format.attachment()))
                .build();
    }

    /** The last stop to show: the newest one, or {@code ?stop=n}; 400 when n is not a number, 404 past the end. */
    private static int lastStop(Story story, String stop) {
        if (stop == null) {
            return story.passages().size() - 1;
        }
        if (!STOP.matcher(stop).matches()) {
            throw new PageException(
                    Response.Status.BAD_REQUEST,
                    "A stop is a number from 0, like ?stop=3, or no stop at all.",
                    "transcript.bad-stop",
                    null);
        }
        int n = stop.length() > LONGEST_STOP_DIGITS ? Integer.MAX_VALUE : Integer.parseInt(stop);
        if (!story.hasStop(n)) {
            throw n == Integer.MAX_VALUE
                    ? new PageException(
                            Response.Status.NOT_FOUND,
                            "This ride has no stop that far along.",
                            "transcript.stop-too-far",
                            null)
                    : new PageException(
                            Response.Status.NOT_FOUND,
                            "This ride has no stop " + n + " yet.",
                            "transcript.no-stop-yet",
                            null,
                            n);
        }
        return n;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static PageException noSuchRide() {
        return new PageException(
                Response.Status.NOT_FOUND, "This train is not on any timetable we keep.", "ride.not-found", null);
    }

    private static PageException noSuchPage() {
        return new PageException(
                Response.Status.NOT_FOUND,
                "Transcripts come as .html, .epub, .md and .txt. There is nothing at this address.",
                "transcript.no-format",
                null);
    }
}
