package dev.slipstream.gateway.session;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.slipstream.gateway.chat.ChatMessage;

/**
 * The next turn of a session, opened by a caller that asks the model on its own (a prompt invocation): the
 * prompt to send, and how to store the turn once the answer is known.
 */
public final class SessionTurn {
    private final List<ChatMessage> prompt;
    private final Function<String, CompletableFuture<Long>> commit;

    SessionTurn(List<ChatMessage> prompt, Function<String, CompletableFuture<Long>> commit) {
        this.prompt = List.copyOf(prompt);
        this.commit = requireNonNull(commit, "commit");
    }

    /**
     * What the model is to see: the preamble, the session's window (system messages, running summary,
     * newest turns that fit), then the new messages.
     */
    public List<ChatMessage> prompt() {
        return prompt;
    }

    /**
     * Appends the new messages and {@code reply} (as the assistant's message) to the session; completes with
     * its new version, or fails with a {@link dev.slipstream.gateway.error.GatewayException}.
     */
    public CompletableFuture<Long> commit(String reply) {
        return commit.apply(reply);
    }
}
