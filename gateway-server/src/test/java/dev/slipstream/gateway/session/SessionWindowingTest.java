package dev.slipstream.gateway.session;

import static dev.slipstream.gateway.session.SessionGateways.SYSTEM_PROMPT;
import static dev.slipstream.gateway.session.SessionGateways.message;
import static dev.slipstream.gateway.session.SessionGateways.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.slipstream.api.gateway.v1.AppendMessagesRequest;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.Session;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.config.ContextStoreConfig;
import dev.slipstream.gateway.config.SessionsConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import dev.slipstream.gateway.provider.fake.ReceivedChat;
import dev.slipstream.gateway.provider.fake.ReceivedChat.Turn;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * A session longer than the model's window: under truncate_oldest the oldest turns are left out, under
 * summarize they are folded into a stored summary (or left out when the summarizer fails), and either
 * way the request the upstream receives fits the window minus the reply budget and the margin.
 */
class SessionWindowingTest {
    static final int CONTEXT_WINDOW = 300;
    static final int REPLY_BUDGET = 40;
    static final int MARGIN = 10;
    static final int PROMPT_BUDGET = CONTEXT_WINDOW - REPLY_BUDGET - MARGIN;
    static final int EARLIER_TURNS = 30;
    private static final TokenCounter TOKENS = new TokenCounter();

    private static FakeOpenAi fake;

    @BeforeAll
    static void startFake() {
        fake = new FakeOpenAi();
    }

    @AfterAll
    static void stopFake() {
        fake.stop().join();
    }

    @Test
    void truncateOldestLeavesTheOldestTurnsOutSoThatThePromptFits() {
        fake.reset();
        try (RunningGateway gateway = start(windowing(SessionsConfig.TRUNCATE_OLDEST, null))) {
            final String id = longSession(gateway);

            gateway.chat().complete(turn(id, "And now?"));

            final ReceivedChat received = fake.received().get(0);
            assertFitsWithSystemPromptFirstAndNewestTurnsLast(received);
            assertThat(texts(received)).noneMatch(text -> text.startsWith("turn 0 "));
            assertThat(SessionServiceTest.get(gateway.sessions(), id).getSummary()).isEmpty();
        }
    }

    @Test
    void summarizeFoldsTheOldestTurnsIntoAStoredSummary() {
        fake.reset();
        try (RunningGateway gateway = start(windowing(SessionsConfig.SUMMARIZE, SessionGateways.SUMMARIZER))) {
            final String id = longSession(gateway);

            gateway.chat().complete(turn(id, "And now?"));

            assertThat(fake.received()).hasSize(2);
            final ReceivedChat summarizer = fake.received().get(0);
            assertThat(summarizer.model()).isEqualTo("fake-summarizer");
            assertThat(summarizer.turns().get(1).text()).contains("user: turn 0 ");
            final ReceivedChat chat = fake.received().get(1);
            assertFitsWithSystemPromptFirstAndNewestTurnsLast(chat);
            assertThat(chat.turns().get(1)).isEqualTo(
                    new Turn("system", ConversationWindow.SUMMARY_PREFIX + FakeProvider.REPLY));
            final Session session = SessionServiceTest.get(gateway.sessions(), id);
            assertThat(session.getSummary()).isEqualTo(FakeProvider.REPLY);
            // Created (1), appended (2), summarized (3), the turn (4).
            assertThat(session.getVersion()).isEqualTo(4);
        }
    }

    @Test
    void aFailingSummarizerFallsBackToTruncation() {
        fake.reset();
        try (RunningGateway gateway = start(windowing(SessionsConfig.SUMMARIZE,
                                                      SessionGateways.BROKEN_SUMMARIZER))) {
            final String id = longSession(gateway);

            assertThat(gateway.chat().complete(turn(id, "And now?")).getMessage().getContent())
                    .isEqualTo(FakeProvider.REPLY);

            final ReceivedChat received = fake.received().get(0);
            assertFitsWithSystemPromptFirstAndNewestTurnsLast(received);
            assertThat(texts(received)).noneMatch(text -> text.startsWith(ConversationWindow.SUMMARY_PREFIX));
            assertThat(SessionServiceTest.get(gateway.sessions(), id).getSummary()).isEmpty();
        }
    }

    static SessionsConfig windowing(String policy, String summarizer) {
        return new SessionsConfig(policy, summarizer, 100, REPLY_BUDGET, MARGIN, null, null);
    }

    private static RunningGateway start(SessionsConfig sessions) {
        return RunningGateway.start(SessionGateways.config(fake, CONTEXT_WINDOW, ContextStoreConfig.DEFAULT,
                                                           sessions));
    }

    /** A session with the system prompt and {@link #EARLIER_TURNS} turns, far more than the window holds. */
    static String longSession(RunningGateway gateway) {
        final String id = SessionGateways.createSession(gateway);
        final AppendMessagesRequest.Builder append = AppendMessagesRequest.newBuilder().setSessionId(id);
        for (int i = 0; i < EARLIER_TURNS; i++) {
            append.addMessages(message(Role.ROLE_USER, "turn " + i + " asks about the order book depth"));
            append.addMessages(message(Role.ROLE_ASSISTANT, "turn " + i + " answers with the spread"));
        }
        gateway.sessions().appendMessages(append.build());
        return id;
    }

    static void assertFitsWithSystemPromptFirstAndNewestTurnsLast(ReceivedChat received) {
        assertFitsWithSystemPromptFirstAndNewestTurnsLast(received, "And now?");
    }

    /** Fits the budget; keeps the system prompt first; ends with the newest earlier turn and the new one. */
    static void assertFitsWithSystemPromptFirstAndNewestTurnsLast(ReceivedChat received, String newTurn) {
        final List<Turn> turns = received.turns();
        final List<ChatMessage> prompt = turns.stream().map(SessionWindowingTest::toChat).toList();
        assertThat(TOKENS.countPrompt(prompt)).isLessThanOrEqualTo(PROMPT_BUDGET);
        assertThat(turns.size()).as("turns sent").isLessThan(1 + 2 * EARLIER_TURNS);
        assertThat(turns.get(0)).isEqualTo(new Turn("system", SYSTEM_PROMPT));
        assertThat(turns.get(turns.size() - 1)).isEqualTo(new Turn("user", newTurn));
        assertThat(texts(received)).contains("turn " + (EARLIER_TURNS - 1) + " answers with the spread");
        assertThat(received.maxOutputTokens()).isEqualTo(REPLY_BUDGET);
    }

    private static List<String> texts(ReceivedChat received) {
        return received.turns().stream().map(Turn::text).toList();
    }

    private static ChatMessage toChat(Turn turn) {
        return new ChatMessage(dev.slipstream.gateway.chat.Role.valueOf(turn.role().toUpperCase(java.util.Locale.ROOT)), turn.text());
    }
}
