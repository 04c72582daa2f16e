package com.liminaltransit.narrative.anthropic;

import com.liminaltransit.narrative.Conversation;
import com.liminaltransit.narrative.vendor.WireJson;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The Messages API request on the wire ({@code POST {base-url}/v1/messages}), with one tool whose input schema is
 * the AI contract and {@code tool_choice} forcing it, so the model answers with a JSON object, not prose.
 *
 * @param model       model name
 * @param maxTokens   answer budget
 * @param temperature sampling temperature
 * @param system      the narrator's role and rules
 * @param messages    the turns
 * @param tools       the one tool, or {@code null} for JSON in text
 * @param toolChoice  the tool forced, or {@code null}
 */
public record MessagesRequest(
        String model,
        int maxTokens,
        double temperature,
        String system,
        List<Message> messages,
        List<Tool> tools,
        ToolChoice toolChoice) {

    /** The tool the model is made to call. */
    static final String TOOL = "write_stop";

    /** The AI contract as the tool's input schema. */
    private static final JsonObject CONTRACT = WireJson.read(AnthropicProvider.NAME, """
            {"type": "object",
             "properties": {
               "passage": {"type": "string"},
               "choices": {"type": "array", "maxItems": 4, "items": {
                 "type": "object",
                 "properties": {"id": {"type": "string"}, "label": {"type": "string"}},
                 "required": ["id", "label"]}},
               "ending": {"type": "boolean"},
               "summary": {"type": "string"}},
             "required": ["passage", "choices", "ending", "summary"]}""", JsonObject.class);

    private static final Tool WRITE_STOP =
            new Tool(TOOL, "Write the next stop of the ride, following every rule.", CONTRACT);

    /** The request for {@code conversation}, with the forced tool when {@code useTool}. */
    static MessagesRequest of(
            String model, Conversation conversation, int maxTokens, double temperature, boolean useTool) {
        List<Message> messages = conversation.turns().stream()
                .map(turn -> new Message(turn.role(), turn.text()))
                .toList();
        return new MessagesRequest(
                model,
                maxTokens,
                temperature,
                conversation.system(),
                messages,
                useTool ? List.of(WRITE_STOP) : null,
                useTool ? new ToolChoice("tool", TOOL) : null);
    }

    /** The same conversation asked for as a stream of plain text: no tool, nothing forced (the streamed shape). */
    static Streamed streamed(String model, Conversation conversation, int maxTokens, double temperature) {
        MessagesRequest plain = of(model, conversation, maxTokens, temperature, false);
        return new Streamed(model, maxTokens, temperature, plain.system(), plain.messages(), true);
    }

    /**
     * The request with {@code "stream": true}: the answer comes as server-sent events ({@link MessagesStream}).
     *
     * @param model       model name
     * @param maxTokens   answer budget
     * @param temperature sampling temperature
     * @param system      the narrator's role and rules
     * @param messages    the turns
     * @param stream      always {@code true}
     */
    public record Streamed(
            String model, int maxTokens, double temperature, String system, List<Message> messages, boolean stream) {}

    /**
     * One turn.
     *
     * @param role    {@code user} or {@code assistant}
     * @param content its text
     */
    public record Message(String role, String content) {}

    /**
     * A tool the model may call.
     *
     * @param name        its name
     * @param description what it is for
     * @param inputSchema the JSON schema of its input
     */
    public record Tool(String name, String description, JsonObject inputSchema) {}

    /**
     * Which tool the model must call.
     *
     * @param type {@code tool}
     * @param name the tool
     */
    public record ToolChoice(String type, String name) {}
}
