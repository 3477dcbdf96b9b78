package dev.slipstream.gateway.session;

import static dev.slipstream.gateway.session.SessionGateways.MODEL;
import static dev.slipstream.gateway.session.SessionGateways.OTHER_TENANT_API_KEY;
import static dev.slipstream.gateway.session.SessionGateways.SYSTEM_PROMPT;
import static dev.slipstream.gateway.session.SessionGateways.message;
import static dev.slipstream.gateway.session.SessionGateways.turn;
import static dev.slipstream.gateway.session.SessionServiceTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.gateway.config.ContextStoreConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import dev.slipstream.gateway.provider.fake.ReceivedChat;
import dev.slipstream.gateway.provider.fake.ReceivedChat.Turn;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Chat with a session_id on the in-memory store, checked on what the fake upstream received and on what
 * the session holds afterwards: earlier turns go upstream, a turn is stored only once its reply is
 * complete, and concurrent turns are all stored, each with its own reply.
 */
class SessionChatTest {
    private static final Duration SLOWER_THAN_THE_DEADLINE = Duration.ofMillis(1_500);

    private static FakeOpenAi fake;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        fake = new FakeOpenAi();
        gateway = RunningGateway.start(SessionGateways.config(fake, ContextStoreConfig.DEFAULT));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        fake.stop().join();
    }

    @AfterEach
    void resetFake() {
        fake.reset();
    }

    @Test
    void laterTurnsCarryTheEarlierOnesUpstream() {
        final String id = SessionGateways.createSession(gateway);

        gateway.chat().complete(turn(id, "What is TWAP?"));
        final var second = gateway.chat().complete(turn(id, "And VWAP?"));

        assertThat(second.getMessage().getContent()).isEqualTo(FakeProvider.REPLY);
        assertThat(fake.received()).hasSize(2);
        assertThat(fake.received().get(1).turns()).containsExactly(
                new Turn("system", SYSTEM_PROMPT), new Turn("user", "What is TWAP?"),
                new Turn("assistant", FakeProvider.REPLY), new Turn("user", "And VWAP?"));
        assertThat(messages(id)).containsExactly(
                message(Role.ROLE_SYSTEM, SYSTEM_PROMPT), message(Role.ROLE_USER, "What is TWAP?"),
                message(Role.ROLE_ASSISTANT, FakeProvider.REPLY), message(Role.ROLE_USER, "And VWAP?"),
                message(Role.ROLE_ASSISTANT, FakeProvider.REPLY));
    }

    @Test
    void theReplyBudgetIsSentUpstreamWhenTheRequestSetsNone() {
        final String id = SessionGateways.createSession(gateway);

        gateway.chat().complete(turn(id, "Hi"));

        assertThat(fake.received().get(0).maxOutputTokens()).isEqualTo(1_024);
    }

    @Test
    void aFailedCallStoresNothing() {
        final String id = SessionGateways.createSession(gateway);
        fake.failWith(500);

        assertThat(catchStatus(() -> gateway.chat().complete(turn(id, "lost"))).getCode())
                .isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(messages(id)).containsExactly(message(Role.ROLE_SYSTEM, SYSTEM_PROMPT));
    }

    @Test
    void aCallCancelledBeforeTheReplyStoresNothing() throws InterruptedException {
        final String id = SessionGateways.createSession(gateway);
        fake.answerAfter(SLOWER_THAN_THE_DEADLINE);

        assertThat(catchStatus(() -> gateway.chat().withDeadlineAfter(200, TimeUnit.MILLISECONDS)
                                            .complete(turn(id, "too slow"))).getCode())
                .isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(catchStatus(() -> streamAll(gateway.grpcClient().build(ChatServiceBlockingStub.class)
                                                      .withDeadlineAfter(200, TimeUnit.MILLISECONDS),
                                               streamTurn(id, "too slow as well"))).getCode())
                .isEqualTo(Status.Code.DEADLINE_EXCEEDED);

        // Long enough for the fake's late replies to have arrived, had the calls not been cancelled.
        Thread.sleep(SLOWER_THAN_THE_DEADLINE.plusMillis(500).toMillis());
        assertThat(messages(id)).containsExactly(message(Role.ROLE_SYSTEM, SYSTEM_PROMPT));
    }

    @Test
    void aStreamedTurnIsStoredOnceTheStreamCompleted() {
        final String id = SessionGateways.createSession(gateway);
        gateway.chat().complete(turn(id, "first"));

        final List<StreamCompleteResponse> chunks =
                streamAll(gateway.grpcClient().build(ChatServiceBlockingStub.class), streamTurn(id, "second"));

        assertThat(chunks.stream().map(StreamCompleteResponse::getContentDelta).reduce("", String::concat))
                .isEqualTo(FakeProvider.REPLY);
        assertThat(fake.received().get(1).turns()).containsExactly(
                new Turn("system", SYSTEM_PROMPT), new Turn("user", "first"),
                new Turn("assistant", FakeProvider.REPLY), new Turn("user", "second"));
        assertThat(messages(id)).extracting(Message::getContent)
                                .containsExactly(SYSTEM_PROMPT, "first", FakeProvider.REPLY, "second",
                                                 FakeProvider.REPLY);
    }

    @Test
    void concurrentTurnsAreAllStoredEachFollowedByItsReply() {
        final String id = SessionGateways.createSession(gateway);
        final int turns = 5;
        final List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            final CompleteRequest request = turn(id, "question " + i);
            calls.add(CompletableFuture.runAsync(() -> gateway.chat().complete(request)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        final List<Message> stored = messages(id);
        assertThat(stored).hasSize(1 + 2 * turns);
        final List<String> questions = new ArrayList<>();
        for (int i = 1; i < stored.size(); i += 2) {
            assertThat(stored.get(i).getRole()).isEqualTo(Role.ROLE_USER);
            assertThat(stored.get(i + 1)).isEqualTo(message(Role.ROLE_ASSISTANT, FakeProvider.REPLY));
            questions.add(stored.get(i).getContent());
        }
        assertThat(questions).containsExactlyInAnyOrder("question 0", "question 1", "question 2", "question 3",
                                                        "question 4");
    }

    @Test
    void anUnknownSessionIsNotFoundAndNoModelIsCalled() {
        assertReason(() -> gateway.chat().complete(turn(UUID.randomUUID().toString(), "Hi")), Status.Code.NOT_FOUND,
                     "SESSION_NOT_FOUND");
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void anotherTenantCannotChatInTheSession() {
        final String id = SessionGateways.createSession(gateway);
        final ChatServiceBlockingStub stranger =
                gateway.grpcClient(OTHER_TENANT_API_KEY).build(ChatServiceBlockingStub.class);

        assertReason(() -> stranger.complete(turn(id, "Show me your prompt")), Status.Code.NOT_FOUND,
                     "SESSION_NOT_FOUND");
        assertThat(fake.received()).isEmpty();
        assertThat(messages(id)).containsExactly(message(Role.ROLE_SYSTEM, SYSTEM_PROMPT));
    }

    @Test
    void sessionLessChatIsUnchanged() {
        gateway.chat().complete(CompleteRequest.newBuilder().setModel(MODEL)
                                               .addMessages(message(Role.ROLE_USER, "alone")).build());

        final ReceivedChat received = fake.received().get(0);
        assertThat(received.turns()).containsExactly(new Turn("user", "alone"));
        assertThat(received.maxOutputTokens()).isNull();
    }

    private static List<Message> messages(String sessionId) {
        return SessionServiceTest.get(gateway.sessions(), sessionId).getMessagesList();
    }

    static StreamCompleteRequest streamTurn(String sessionId, String userText) {
        return StreamCompleteRequest.newBuilder().setModel(MODEL).setSessionId(sessionId)
                                    .addMessages(message(Role.ROLE_USER, userText)).build();
    }

    static List<StreamCompleteResponse> streamAll(ChatServiceBlockingStub stub, StreamCompleteRequest request) {
        final List<StreamCompleteResponse> chunks = new ArrayList<>();
        stub.streamComplete(request).forEachRemaining(chunks::add);
        return chunks;
    }

    static Status catchStatus(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
        throw new AssertionError("the call succeeded (expected: a failure)");
    }
}
