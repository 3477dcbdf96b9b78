package dev.slipstream.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.context.MessageRole;
import dev.slipstream.context.RunningSummary;
import dev.slipstream.context.SessionMessage;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;

/**
 * The window over a session of a system message and turns u0, a0, u1, a1, u2, a2 (10 tokens each, so 13
 * with the framing; the reply priming adds 3): which messages make the prompt, and the overflow range
 * (system messages inside it are pinned, not overflow).
 */
class ConversationWindowTest {
    private static final int TOKENS_EACH = 10;
    private static final int FRAMED = TOKENS_EACH + TokenCounter.TOKENS_PER_MESSAGE;
    /** Priming, the system message and the new message: what every prompt below holds at least. */
    private static final int FIXED = TokenCounter.TOKENS_PER_REPLY + 2 * FRAMED;
    private static final List<SessionMessage> SESSION = List.of(
            stored(MessageRole.SYSTEM, "sys"), stored(MessageRole.USER, "u0"), stored(MessageRole.ASSISTANT, "a0"),
            stored(MessageRole.USER, "u1"), stored(MessageRole.ASSISTANT, "a1"), stored(MessageRole.USER, "u2"),
            stored(MessageRole.ASSISTANT, "a2"));
    private static final List<SessionMessage> NEW = List.of(stored(MessageRole.USER, "new"));

    private final ConversationWindow window = new ConversationWindow(new TokenCounter());

    static Stream<Arguments> windows() {
        return Stream.of(
                row("everything fits", FIXED + 6 * FRAMED, 100, null,
                    List.of("sys", "u0", "a0", "u1", "a1", "u2", "a2", "new"), 0, 0),
                row("the two newest turns fit", FIXED + 2 * FRAMED, 100, null,
                    List.of("sys", "u2", "a2", "new"), 0, 5),
                row("one token short of three turns", FIXED + 3 * FRAMED - 1, 100, null,
                    List.of("sys", "u2", "a2", "new"), 0, 5),
                row("nothing but the fixed part fits", FIXED, 100, null, List.of("sys", "new"), 0, 7),
                row("the message limit cuts like the token budget", 10_000, 4, null,
                    List.of("sys", "u2", "a2", "new"), 0, 5),
                row("summarized turns are never sent again", 10_000, 100, new RunningSummary("S", 4),
                    List.of("sys", ConversationWindow.SUMMARY_PREFIX + "S", "u2", "a2", "new"), 5, 5),
                row("overflow starts after the summarized turns", FIXED + TokenCounter.TOKENS_PER_MESSAGE +
                                                                  summaryTokens("S") + FRAMED, 100,
                    new RunningSummary("S", 2), List.of("sys", ConversationWindow.SUMMARY_PREFIX + "S", "a2", "new"),
                    3, 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void plans(int budgetTokens, int maxMessages, @Nullable RunningSummary summary, List<String> prompt,
               int overflowFrom, int overflowTo) {
        final ConversationWindow.Plan plan = window.plan(SESSION, summary, NEW, budget(budgetTokens, maxMessages));

        assertThat(plan.prompt()).extracting(ChatMessage::content).isEqualTo(prompt);
        assertThat(plan.overflowFrom()).as("overflowFrom").isEqualTo(overflowFrom);
        assertThat(plan.overflowTo()).as("overflowTo").isEqualTo(overflowTo);
    }

    @Test
    void refusesWhenNotEvenTheSystemMessageAndTheNewMessageFit() {
        final GatewayException e = catchThrowableOfType(
                GatewayException.class, () -> window.plan(SESSION, null, NEW, budget(FIXED - 1, 100)));

        assertThat(e.reason()).isEqualTo(ErrorReason.INVALID_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo(
                "messages: " + FIXED + " prompt tokens with the session's system messages and summary " +
                "(expected: at most " + (FIXED - 1) + ", the window explained)");
    }

    private static Arguments row(String name, int budgetTokens, int maxMessages, @Nullable RunningSummary summary,
                                 List<String> prompt, int overflowFrom, int overflowTo) {
        return Arguments.of(Named.of(name, budgetTokens), maxMessages, summary, prompt, overflowFrom, overflowTo);
    }

    private static PromptBudget budget(int tokens, int maxMessages) {
        return new PromptBudget(tokens, maxMessages, Long.MAX_VALUE, "the window explained");
    }

    private static int summaryTokens(String summary) {
        return new TokenCounter().count(ConversationWindow.SUMMARY_PREFIX + summary);
    }

    private static SessionMessage stored(MessageRole role, String content) {
        return new SessionMessage(role, content, TOKENS_EACH, Instant.EPOCH);
    }
}
