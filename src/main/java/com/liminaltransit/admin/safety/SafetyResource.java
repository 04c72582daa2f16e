package com.liminaltransit.admin.safety;

import com.liminaltransit.admin.AdminPage;
import com.liminaltransit.admin.auth.WritersOnly;
import com.liminaltransit.safety.Block;
import com.liminaltransit.safety.BlockStore;
import com.liminaltransit.safety.Layer;
import com.liminaltransit.safety.SafetyCheck;
import com.liminaltransit.web.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The writers' safety page: which check covers which language and what happens to a model's text in each, the
 * answers refused lately (the text behind a click, escaped), and the refusals per day.
 */
@Path("/admin/safety")
@WritersOnly
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class SafetyResource {

    /** Blocks listed on the page. */
    static final int RECENT = 50;

    /** Days counted. */
    static final int DAYS = 30;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SafetyCheck safety;
    private final BlockStore blocks;
    private final Clock clock;

    @Inject
    SafetyResource(SafetyCheck safety, BlockStore blocks, Clock clock) {
        this.safety = safety;
        this.blocks = blocks;
        this.clock = clock;
    }

    /**
     * One refused answer as the page lists it.
     *
     * @param block the row
     * @param when  when, in UTC words
     */
    public record BlockRow(Block block, String when) {}

    /** The page. */
    @GET
    public View page(@Context ContainerRequestContext request) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<BlockRow> recent = blocks.recent(RECENT).stream()
                .map(block -> new BlockRow(block, WHEN.format(block.at())))
                .toList();
        return AdminPage.page(
                "admin/safety",
                request,
                Map.of(
                        "coverage", safety.coverage(),
                        "layers", List.of(Layer.values()),
                        "checks", safety.layers().stream().map(Layer::code).toList(),
                        "onUnavailable", safety.onUnavailable().code(),
                        "recent", recent,
                        "days", blocks.perDay(today.minusDays(DAYS - 1L)),
                        "period", DAYS));
    }
}
