package dev.slipstream.gateway.session;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.routing.Deadline;
import dev.slipstream.context.MessageRole;
import dev.slipstream.context.RunningSummary;
import dev.slipstream.context.SessionMessage;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.chat.CacheMode;
import dev.slipstream.gateway.chat.ChatGateway;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.ResponseFormat;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.chat.TokenCounter;

/**
 * Folds turns that no longer fit a prompt into the running summary, with the configured summarizer
 * model. It folds the oldest overflow turns that fit the summarizer's own prompt budget, so that a long
 * backlog is worked off over several turns instead of failing at once.
 */
final class Summarizer {
    static final String INSTRUCTIONS =
            "You keep the running summary of a conversation between a user and an assistant. Merge the earlier " +
            "summary and the new turns into one concise summary that keeps every fact, decision, name and " +
            "number the conversation may need later. Answer with the summary only.";

    private final ChatGateway gateway;
    private final TokenCounter tokens;
    private final String model;
    private final int summaryMaxTokens;
    private final PromptBudget budget;

    /** @param budget what the summarizer's prompt may hold: its model's window minus the summary length */
    Summarizer(ChatGateway gateway, TokenCounter tokens, String model, int summaryMaxTokens, PromptBudget budget) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.tokens = requireNonNull(tokens, "tokens");
        this.model = requireNonNull(model, "model");
        this.summaryMaxTokens = summaryMaxTokens;
        this.budget = requireNonNull(budget, "budget");
    }

    /**
     * The summary with the turns {@code [from, to)} of {@code messages} folded in, as far as they fit; the
     * future fails when the summarizer does, or when not even the first turn fits.
     */
    CompletableFuture<RunningSummary> fold(Principal caller, List<SessionMessage> messages,
                                           @Nullable RunningSummary previous, int from, int to, Deadline deadline) {
        final String earlier = previous == null || previous.text().isBlank() ? "(none)" : previous.text();
        final StringBuilder transcript = new StringBuilder("Earlier summary:\n").append(earlier)
                                                                                .append("\n\nNew turns:\n");
        int used = TokenCounter.TOKENS_PER_REPLY + 2 * TokenCounter.TOKENS_PER_MESSAGE +
                   tokens.count(INSTRUCTIONS) + tokens.count(transcript.toString());
        int through = -1;
        for (int i = from; i < to; i++) {
            final SessionMessage message = messages.get(i);
            if (message.role() == MessageRole.SYSTEM) {
                continue;
            }
            final String line = message.role().name().toLowerCase(Locale.ROOT) + ": " + message.content() + '\n';
            // The role label and newline cost a few tokens more than the content alone.
            final int cost = message.tokenCount() + 4;
            if (used + cost > budget.tokens() || transcript.length() + line.length() > budget.maxChars()) {
                break;
            }
            used += cost;
            transcript.append(line);
            through = i;
        }
        if (through < 0) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the oldest unsummarized turn does not fit the summarizer's prompt (" + budget.explanation() +
                    ')'));
        }
        final int summarizedThrough = through;
        final ChatRequest request = new ChatRequest(
                model, List.of(new ChatMessage(Role.SYSTEM, INSTRUCTIONS),
                               new ChatMessage(Role.USER, transcript.toString())),
                new GenerationOptions(null, null, summaryMaxTokens, List.of(), ResponseFormat.TEXT), "", Map.of(),
                CacheMode.DETERMINISTIC);
        // The caller pays for the summary, whatever models its key may name: the operator chose this one.
        return gateway.complete(caller.withAnyModel(), request, deadline).thenApply(completion -> {
            final String summary = completion.content().strip();
            if (summary.isEmpty()) {
                // Storing it would drop the folded turns without a trace.
                throw new IllegalStateException("the summarizer " + model + " answered with an empty summary");
            }
            return new RunningSummary(summary, summarizedThrough);
        });
    }
}
