package com.liminaltransit.narrative.anthropic;

import com.liminaltransit.narrative.InvalidNarrativeException;
import com.liminaltransit.narrative.Reply;
import com.liminaltransit.narrative.vendor.WireJson;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The Messages API answer on the wire.
 *
 * @param model   the model that answered
 * @param content {@code tool_use} and {@code text} blocks
 * @param usage   token counts
 */
public record MessagesReply(String model, List<Block> content, Usage usage) {

    /**
     * One content block.
     *
     * @param type  {@code tool_use} or {@code text} (others are passed over)
     * @param text  a text block's text
     * @param input a tool call's input: for our tool, the narrative
     */
    public record Block(String type, String text, JsonObject input) {}

    /**
     * Token counts.
     *
     * @param inputTokens  read
     * @param outputTokens written
     */
    public record Usage(int inputTokens, int outputTokens) {}

    /** The narrative: the forced tool's input, else the text blocks (JSON in text, when tool use is off). */
    Reply toReply(String requestedModel) {
        List<Block> blocks = WireJson.required(AnthropicProvider.NAME, content, "content");
        String answeredBy = model == null ? requestedModel : model;
        Usage counted = usage == null ? new Usage(0, 0) : usage;
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (block == null) {
                continue;
            }
            if ("tool_use".equals(block.type()) && block.input() != null) {
                return new Reply(
                        block.input().toString(),
                        block.input(),
                        answeredBy,
                        counted.inputTokens(),
                        counted.outputTokens());
            }
            if ("text".equals(block.type()) && block.text() != null) {
                text.append(block.text());
            }
        }
        if (text.isEmpty()) {
            throw new InvalidNarrativeException("the model answered with neither the tool nor text");
        }
        return Reply.text(text.toString(), answeredBy, counted.inputTokens(), counted.outputTokens());
    }
}
