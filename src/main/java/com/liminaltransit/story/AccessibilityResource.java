package com.liminaltransit.story;

import com.liminaltransit.web.View;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /accessibility}: what is tested for accessibility, with which tools, and how to report a problem. Where
 * reports go is the operator's to say ({@code liminal.accessibility.contact}), so each deployment names its own.
 */
@Path("accessibility")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class AccessibilityResource {

    /** An https address or a mail address: anything else (a script URL above all) never reaches a link. */
    private static final Pattern CONTACT =
            Pattern.compile("(https://[^\\s\"'<>]{1,300})|(mailto:[^\\s\"'<>@]{1,64}@[^\\s\"'<>@]{1,190})");

    private final Optional<String> contact;

    @Inject
    AccessibilityResource(@ConfigProperty(name = "liminal.accessibility.contact") Optional<String> contact) {
        Optional<String> given = contact.map(String::strip).filter(c -> !c.isEmpty());
        if (given.isPresent() && !CONTACT.matcher(given.get()).matches()) {
            throw new IllegalStateException(
                    "liminal.accessibility.contact must be an https:// address or a mailto: address");
        }
        this.contact = given;
    }

    /** Built at start-up, so a malformed contact stops the server rather than this page. */
    void checkedAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: observing the event makes CDI construct this bean, which checks its setting.
    }

    /** The accessibility statement. */
    @GET
    public View statement() {
        return View.page(
                "story/accessibility",
                contact.<Map<String, Object>>map(c -> Map.of("contact", c, "mail", c.startsWith("mailto:")))
                        .orElse(Map.of()));
    }
}
