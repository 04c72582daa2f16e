package com.liminaltransit.narrative;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds what a model reads for one stop from the templates under {@code narrative/prompts/} on the classpath:
 * the system prompt (role, JSON contract, content rules) and the step prompt with the running summary, the last
 * {@value StoryContext#RECENT_STOPS} stops and the choice just made. Never the whole ride, so a prompt stays the
 * same size as a ride grows. Variables are written {@code {{name}}}: {@code summary}, {@code recent},
 * {@code choice}, {@code stop}, {@code language} (and {@code complaint} in the repair prompt).
 */
@ApplicationScoped
public class PromptBuilder {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z]+)\\s*}}");

    private final String system;
    private final String step;
    private final String repair;

    /** Reads the templates once from the classpath. */
    public PromptBuilder() {
        this(load("system.txt"), load("step.txt"), load("repair.txt"));
    }

    /** Uses the given templates (the writers' room will hand in edited ones). */
    public PromptBuilder(String system, String step, String repair) {
        this.system = system;
        this.step = step;
        this.repair = repair;
    }

    /** The conversation that asks for the stop {@code context} describes. */
    public Conversation build(StoryContext context) {
        Map<String, String> values = Map.of(
                "summary", context.summary().isBlank() ? "The passenger has just boarded; nothing has happened yet."
                        : context.summary(),
                "recent", recent(context.recent()),
                "choice", context.choice() == null ? "none yet: write the boarding, the first stop of the ride."
                        : context.choice().label(),
                "stop", Integer.toString(context.stop() + 1),
                "language", context.language());
        return new Conversation(render(system, values),
                List.of(new Conversation.Turn(Conversation.Turn.USER, render(step, values))));
    }

    /** The turn that sends the validator's complaint back to the model. */
    public String repair(String complaint) {
        return render(repair, Map.of("complaint", complaint));
    }

    private static String recent(List<PastStop> stops) {
        if (stops.isEmpty()) {
            return "(none: this is the first stop)";
        }
        StringBuilder text = new StringBuilder();
        for (PastStop past : stops) {
            text.append("Stop ").append(past.stop() + 1).append(": ").append(past.passage().strip()).append('\n');
            if (past.chosenLabel() != null) {
                text.append("The passenger chose: ").append(past.chosenLabel()).append('\n');
            }
        }
        return text.toString().strip();
    }

    static String render(String template, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt template uses unknown variable {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }

    private static String load(String name) {
        String path = "narrative/prompts/" + name;
        try (InputStream in = PromptBuilder.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt template missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
