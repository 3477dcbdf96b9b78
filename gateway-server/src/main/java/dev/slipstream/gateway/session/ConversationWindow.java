package dev.slipstream.gateway.session;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.context.MessageRole;
import dev.slipstream.context.RunningSummary;
import dev.slipstream.context.SessionMessage;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;

/**
 * Picks what of a session goes into the prompt of its next turn: every system message (pinned), the
 * running summary, then the newest turns that the summary does not cover and that still fit the budget,
 * then the new messages. The turns left out are the overflow, which the summarize policy folds into the
 * summary.
 */
final class ConversationWindow {
    static final String SUMMARY_PREFIX = "Summary of the conversation so far:\n";

    /**
     * @param prompt what the model receives
     * @param overflowFrom and {@code overflowTo}: the range of session message indexes left out of the
     *        prompt and not yet summarized (system messages in it are pinned, not overflow); empty when
     *        everything fits
     */
    record Plan(List<ChatMessage> prompt, int overflowFrom, int overflowTo) {
        boolean overflows() {
            return overflowFrom < overflowTo;
        }
    }

    private final TokenCounter tokens;

    ConversationWindow(TokenCounter tokens) {
        this.tokens = requireNonNull(tokens, "tokens");
    }

    /** Throws INVALID_ARGUMENT when not even the system messages, summary and new messages fit. */
    Plan plan(List<SessionMessage> messages, @Nullable RunningSummary summary, List<SessionMessage> newMessages,
              PromptBudget budget) {
        final List<ChatMessage> pinned = new ArrayList<>();
        final Usage fixed = new Usage();
        for (SessionMessage message : messages) {
            if (message.role() == MessageRole.SYSTEM) {
                pinned.add(StoredMessages.toChat(message));
                fixed.add(message.tokenCount(), message.content().length());
            }
        }
        final ChatMessage summaryMessage = summaryMessage(summary);
        if (summaryMessage != null) {
            fixed.add(tokens.count(summaryMessage.content()), summaryMessage.content().length());
        }
        for (SessionMessage message : newMessages) {
            fixed.add(message.tokenCount(), message.content().length());
        }
        if (!fixed.fits(budget)) {
            throw GatewayException.invalid(List.of(new FieldViolation(
                    "messages", fixed.tokens + " prompt tokens with the session's system messages and summary " +
                                "(expected: at most " + budget.tokens() + ", " + budget.explanation() + ')')));
        }
        final int firstCandidate = summary == null || summary.summarizedThroughIndex() == null
                                   ? 0 : summary.summarizedThroughIndex() + 1;
        // Newest first, and no gaps: a turn that does not fit ends the walk.
        int firstKept = messages.size();
        for (int i = messages.size() - 1; i >= firstCandidate; i--) {
            final SessionMessage message = messages.get(i);
            if (message.role() != MessageRole.SYSTEM) {
                fixed.add(message.tokenCount(), message.content().length());
                if (!fixed.fits(budget)) {
                    break;
                }
            }
            firstKept = i;
        }
        final List<ChatMessage> prompt = new ArrayList<>(pinned);
        if (summaryMessage != null) {
            prompt.add(summaryMessage);
        }
        for (int i = firstKept; i < messages.size(); i++) {
            if (messages.get(i).role() != MessageRole.SYSTEM) {
                prompt.add(StoredMessages.toChat(messages.get(i)));
            }
        }
        newMessages.forEach(message -> prompt.add(StoredMessages.toChat(message)));
        return new Plan(prompt, Math.min(firstCandidate, firstKept), firstKept);
    }

    @Nullable
    private static ChatMessage summaryMessage(@Nullable RunningSummary summary) {
        return summary == null || summary.text().isBlank() ? null
                                                            : new ChatMessage(Role.SYSTEM, SUMMARY_PREFIX + summary.text());
    }

    /** Tokens (with the chat framing), messages and characters of a prompt as it grows. */
    private static final class Usage {
        private int tokens = TokenCounter.TOKENS_PER_REPLY;
        private int messages;
        private long chars;

        void add(int contentTokens, int contentChars) {
            tokens += TokenCounter.TOKENS_PER_MESSAGE + contentTokens;
            messages++;
            chars += contentChars;
        }

        boolean fits(PromptBudget budget) {
            return tokens <= budget.tokens() && messages <= budget.maxMessages() && chars <= budget.maxChars();
        }
    }
}
