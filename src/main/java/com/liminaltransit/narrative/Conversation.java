package com.liminaltransit.narrative;

import java.util.ArrayList;
import java.util.List;

/**
 * What a provider sends a chat model, vendor-neutral: the system prompt and the turns so far. Each provider maps it
 * onto its wire format.
 *
 * @param system the narrator's role, the JSON contract and the content rules
 * @param turns  user and assistant turns, oldest first, starting with a user turn
 */
public record Conversation(String system, List<Turn> turns) {

    /** Copies the turns. */
    public Conversation {
        turns = List.copyOf(turns);
    }

    /** The conversation with the model's answer and our reply to it appended. */
    public Conversation followedBy(String assistant, String user) {
        List<Turn> more = new ArrayList<>(turns);
        more.add(new Turn(Turn.ASSISTANT, assistant));
        more.add(new Turn(Turn.USER, user));
        return new Conversation(system, more);
    }

    /** The whole conversation as one prompt, for completion-style models (SageMaker containers). */
    public String asPlainPrompt() {
        StringBuilder prompt = new StringBuilder(system).append("\n\n");
        for (Turn turn : turns) {
            prompt.append(turn.role().equals(Turn.USER) ? "Request:\n" : "Your earlier answer:\n")
                    .append(turn.text())
                    .append("\n\n");
        }
        return prompt.append("Answer (one JSON object):\n").toString();
    }

    /**
     * One turn.
     *
     * @param role {@link #USER} or {@link #ASSISTANT}
     * @param text what was said
     */
    public record Turn(String role, String text) {
        /** The player's side: our prompt. */
        public static final String USER = "user";
        /** The model's side. */
        public static final String ASSISTANT = "assistant";
    }
}
