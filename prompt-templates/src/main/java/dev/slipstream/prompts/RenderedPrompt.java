package dev.slipstream.prompts;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A template rendered for one request: the system message, the few-shot turns (user, assistant, …) and
 * the request's own user message, last.
 */
public record RenderedPrompt(PromptTemplate template, List<PromptMessage> messages) {
    public RenderedPrompt {
        requireNonNull(template, "template");
        messages = List.copyOf(messages);
    }

    public PromptMessage system() {
        return messages.getFirst();
    }

    /** The user message that carries this request's variables. */
    public PromptMessage request() {
        return messages.getLast();
    }
}
