package dev.slipstream.prompts;

import static java.util.Objects.requireNonNull;

/** One chat message of a rendered prompt. */
public record PromptMessage(Role role, String content) {
    public PromptMessage {
        requireNonNull(role, "role");
        requireNonNull(content, "content");
    }

    public enum Role { SYSTEM, USER, ASSISTANT }
}
