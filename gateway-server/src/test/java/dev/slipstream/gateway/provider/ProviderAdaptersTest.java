package dev.slipstream.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceBlockingStub;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CompleteResponse;
import dev.slipstream.api.gateway.v1.FinishReason;
import dev.slipstream.api.gateway.v1.GenerationOptions;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.api.gateway.v1.Usage;
import dev.slipstream.gateway.config.ModelConfig;
import dev.slipstream.gateway.config.ProviderConfig;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.provider.fake.FakeAnthropic;
import dev.slipstream.gateway.provider.fake.FakeGemini;
import dev.slipstream.gateway.provider.fake.FakeMistral;
import dev.slipstream.gateway.provider.fake.FakeOllama;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import dev.slipstream.gateway.provider.fake.ReceivedChat;
import dev.slipstream.gateway.provider.fake.ReceivedChat.Turn;
import dev.slipstream.gateway.provider.fake.SilentPort;
import dev.slipstream.gateway.testing.RunningGateway;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Every provider kind through the real gateway over gRPC, against a fake that speaks the provider's real
 * wire format, so that LangChain4j's client code runs for real: what reaches the provider, the reply and
 * usage that come back, and how each kind of provider failure reaches the caller.
 */
class ProviderAdaptersTest {
    /** Shaped like no known key, so that only the gateway's scrubbing of the configured key can hide it. */
    private static final String PROVIDER_KEY = "provider-secret-0123456789";
    private static final String AZURE_API_VERSION = "2024-10-21";
    private static final long TIMEOUT_MS = 10_000;
    /** Each provider is configured a second time under this suffix, with a timeout the fakes can outlast. */
    private static final String IMPATIENT = "-impatient";
    private static final long IMPATIENT_TIMEOUT_MS = 50;
    private static final Duration SLOWER_THAN_IMPATIENT = Duration.ofSeconds(2);
    private static final long CONNECT_TIMEOUT_MS = 1_000;
    /** Each provider is configured a third time under this suffix, at a port where connecting hangs. */
    private static final String UNREACHABLE = "-unreachable";
    private static final long UNREACHABLE_CONNECT_TIMEOUT_MS = 300;
    /** Each provider is configured a fourth time under this suffix, with a short stream idle timeout. */
    private static final String WATCHFUL = "-watchful";
    private static final long WATCHFUL_STREAM_IDLE_TIMEOUT_MS = 300;
    /** How many deltas a breaking stream relays before it breaks. */
    private static final int DELTAS_BEFORE_BREAK = 2;

    private static final List<Message> CONVERSATION = List.of(
            message(Role.ROLE_SYSTEM, "Answer in one sentence."),
            message(Role.ROLE_USER, "What is TWAP?"),
            message(Role.ROLE_ASSISTANT, "A time-weighted average price."),
            message(Role.ROLE_USER, "And VWAP?"));
    private static final List<Turn> CONVERSATION_AS_SENT = List.of(
            new Turn("system", "Answer in one sentence."),
            new Turn("user", "What is TWAP?"),
            new Turn("assistant", "A time-weighted average price."),
            new Turn("user", "And VWAP?"));
    private static final GenerationOptions OPTIONS =
            GenerationOptions.newBuilder().setTemperature(0.25).setMaxOutputTokens(64).addStopSequences("END")
                             .build();

    /** One configured provider per kind, with its fake and what the gateway should make of its answers. */
    enum Upstream {
        OPENAI("openai", "openai", "/v1", "gpt-4o-mini", FakeOpenAi::new, FakeProvider.CACHED_PROMPT_TOKENS),
        OPENAI_COMPATIBLE("vllm", "openai-compatible", "/v1", "llama-3.1-8b-instruct", FakeOpenAi::new,
                          FakeProvider.CACHED_PROMPT_TOKENS),
        AZURE_OPENAI("azure", "azure-openai", "", "chat-deployment", FakeOpenAi::new,
                     FakeProvider.CACHED_PROMPT_TOKENS),
        ANTHROPIC("anthropic", "anthropic", "/v1", "claude-sonnet-4-5", FakeAnthropic::new,
                  FakeProvider.CACHED_PROMPT_TOKENS),
        GEMINI("gemini", "gemini", "/v1beta", "gemini-2.5-flash", FakeGemini::new,
               FakeProvider.CACHED_PROMPT_TOKENS),
        MISTRAL("mistral", "mistral", "/v1", "mistral-small-latest", FakeMistral::new, 0),
        OLLAMA("ollama", "ollama", "", "llama3.2", FakeOllama::new, 0);

        final String provider;
        final String kind;
        /** Where the provider's API root sits on its fake; the base URL a user would configure. */
        final String apiRoot;
        final String model;
        final Supplier<FakeProvider> newFake;
        final long cachedInputTokens;

        Upstream(String provider, String kind, String apiRoot, String model, Supplier<FakeProvider> newFake,
                 long cachedInputTokens) {
            this.provider = provider;
            this.kind = kind;
            this.apiRoot = apiRoot;
            this.model = model;
            this.newFake = newFake;
            this.cachedInputTokens = cachedInputTokens;
        }

        String alias() {
            return provider + "-chat";
        }

        String chatPath(boolean stream) {
            return switch (this) {
                case OPENAI, OPENAI_COMPATIBLE, MISTRAL -> "/v1/chat/completions";
                case AZURE_OPENAI -> "/openai/deployments/" + model + "/chat/completions";
                case ANTHROPIC -> "/v1/messages";
                case GEMINI -> "/v1beta/models/" + model + (stream ? ":streamGenerateContent" : ":generateContent");
                case OLLAMA -> "/api/chat";
            };
        }

        /** Every fake reports the same call; normalised, only the cache reporting differs. */
        Usage expectedUsage() {
            return Usage.newBuilder()
                        .setInputTokens(FakeProvider.PROMPT_TOKENS)
                        .setOutputTokens(FakeProvider.COMPLETION_TOKENS)
                        .setTotalTokens(FakeProvider.PROMPT_TOKENS + FakeProvider.COMPLETION_TOKENS)
                        .setCachedInputTokens(cachedInputTokens)
                        .build();
        }
    }

    /** A provider failure as the fake plays it, and the gRPC status and reason the caller should get. */
    enum Failure {
        UNAUTHORIZED(fake -> fake.failWith(401), 401, Status.Code.FAILED_PRECONDITION,
                     ErrorReason.PROVIDER_AUTH_FAILED),
        RATE_LIMITED(fake -> fake.failWith(429), 429, Status.Code.RESOURCE_EXHAUSTED,
                     ErrorReason.PROVIDER_RATE_LIMITED),
        SERVER_ERROR(fake -> fake.failWith(500), 500, Status.Code.UNAVAILABLE, ErrorReason.PROVIDER_UNAVAILABLE),
        MALFORMED_BODY(FakeProvider::answerMalformed, null, Status.Code.UNAVAILABLE,
                       ErrorReason.PROVIDER_BAD_RESPONSE),
        TOO_SLOW(fake -> fake.answerAfter(SLOWER_THAN_IMPATIENT), null, Status.Code.DEADLINE_EXCEEDED,
                 ErrorReason.PROVIDER_TIMEOUT);

        final Consumer<FakeProvider> script;
        @Nullable
        final Integer httpStatus;
        final Status.Code code;
        final ErrorReason reason;

        Failure(Consumer<FakeProvider> script, @Nullable Integer httpStatus, Status.Code code, ErrorReason reason) {
            this.script = script;
            this.httpStatus = httpStatus;
            this.code = code;
            this.reason = reason;
        }

        /** The configured provider to call: the impatient twin when the fake is to be too slow. */
        String provider(Upstream upstream) {
            return this == TOO_SLOW ? upstream.provider + IMPATIENT : upstream.provider;
        }
    }

    /** A stream that breaks after {@link #DELTAS_BEFORE_BREAK} deltas, and what the caller should get then. */
    enum StreamBreak {
        STALLS(fake -> fake.stallStreamsAfter(DELTAS_BEFORE_BREAK), ErrorReason.PROVIDER_TIMEOUT,
               "no data for " + WATCHFUL_STREAM_IDLE_TIMEOUT_MS + " ms"),
        ENDS_EARLY(fake -> fake.endStreamsAfter(DELTAS_BEFORE_BREAK), ErrorReason.PROVIDER_BAD_RESPONSE,
                   "stream ended before the provider's final event");

        final Consumer<FakeProvider> script;
        final ErrorReason reason;
        final String problem;

        StreamBreak(Consumer<FakeProvider> script, ErrorReason reason, String problem) {
            this.script = script;
            this.reason = reason;
            this.problem = problem;
        }

        /** The configured provider to call: the watchful twin when the stream is to stall. */
        String provider(Upstream upstream) {
            return this == STALLS ? upstream.provider + WATCHFUL : upstream.provider;
        }
    }

    private static final Map<Upstream, FakeProvider> fakes = new EnumMap<>(Upstream.class);
    private static SilentPort silentPort;
    private static RunningGateway gateway;
    private static ChatServiceBlockingStub chat;

    @BeforeAll
    static void start() {
        final List<ProviderConfig> providers = new ArrayList<>();
        final List<ModelConfig> models = new ArrayList<>();
        silentPort = new SilentPort();
        for (Upstream upstream : Upstream.values()) {
            final FakeProvider fake = upstream.newFake.get();
            fakes.put(upstream, fake);
            providers.add(providerConfig(upstream, fake.url(upstream.apiRoot), upstream.provider, TIMEOUT_MS,
                                         CONNECT_TIMEOUT_MS, null));
            providers.add(providerConfig(upstream, fake.url(upstream.apiRoot), upstream.provider + IMPATIENT,
                                         IMPATIENT_TIMEOUT_MS, CONNECT_TIMEOUT_MS, null));
            providers.add(providerConfig(upstream, silentPort.url(upstream.apiRoot),
                                         upstream.provider + UNREACHABLE, TIMEOUT_MS,
                                         UNREACHABLE_CONNECT_TIMEOUT_MS, null));
            providers.add(providerConfig(upstream, fake.url(upstream.apiRoot), upstream.provider + WATCHFUL,
                                         TIMEOUT_MS, CONNECT_TIMEOUT_MS, WATCHFUL_STREAM_IDLE_TIMEOUT_MS));
            models.add(new ModelConfig(upstream.alias(), upstream.provider, upstream.model, null));
        }
        gateway = RunningGateway.withProviders(providers, models);
        chat = gateway.chat();
    }

    @AfterAll
    static void stop() {
        final CompletableFuture<?>[] fakesStopped =
                fakes.values().stream().map(FakeProvider::stop).toArray(CompletableFuture[]::new);
        gateway.close();
        silentPort.close();
        CompletableFuture.allOf(fakesStopped).join();
    }

    @AfterEach
    void resetFakes() {
        fakes.values().forEach(FakeProvider::reset);
    }

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void completeSendsTheConversationAndReturnsReplyWithUsage(Upstream upstream) {
        final CompleteResponse response = chat.complete(completeRequest(upstream.provider + '/' + upstream.model));

        assertThat(response.getMessage().getContent()).isEqualTo(FakeProvider.REPLY);
        assertThat(response.getFinishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
        assertThat(response.getUsage()).isEqualTo(upstream.expectedUsage());
        assertThat(response.getProvider()).isEqualTo(upstream.provider);
        assertThat(response.getProviderModel()).isEqualTo(upstream.model);
        assertSentConversation(upstream, false);
    }

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void streamRelaysEachDeltaThenEndsWithUsage(Upstream upstream) {
        final List<StreamCompleteResponse> chunks = new ArrayList<>();
        chat.streamComplete(streamRequest(upstream.alias())).forEachRemaining(chunks::add);

        final StreamCompleteResponse last = chunks.get(chunks.size() - 1);
        assertThat(chunks.subList(0, chunks.size() - 1)).extracting(StreamCompleteResponse::getContentDelta)
                                                        .containsExactlyElementsOf(FakeProvider.REPLY_CHUNKS);
        assertThat(last.getFinishReason()).isEqualTo(FinishReason.FINISH_REASON_STOP);
        assertThat(last.getUsage()).isEqualTo(upstream.expectedUsage());
        assertThat(last.getProvider()).isEqualTo(upstream.provider);
        assertSentConversation(upstream, true);
    }

    @Test
    void azureSendsTheKeyAsApiKeyHeaderAndTheApiVersion() {
        chat.complete(completeRequest(Upstream.AZURE_OPENAI.alias()));

        final ReceivedChat received = fakes.get(Upstream.AZURE_OPENAI).received().get(0);
        assertThat(received.headers().get("api-key")).isEqualTo(PROVIDER_KEY);
        assertThat(received.headers().contains("authorization")).isFalse();
        assertThat(received.query().getAll("api-version")).containsExactly(AZURE_API_VERSION);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("upstreamsAndFailures")
    void completeReportsProviderFailureAsItsStatus(Upstream upstream, Failure failure) {
        failure.script.accept(fakes.get(upstream));

        final StatusRuntimeException e = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> chat.complete(completeRequest(failure.provider(upstream) + '/' + upstream.model)));

        assertProviderFailure(e, upstream, failure);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("upstreamsAndFailures")
    void streamReportsProviderFailureBeforeTheFirstChunkAsItsStatus(Upstream upstream, Failure failure) {
        failure.script.accept(fakes.get(upstream));

        final Iterator<StreamCompleteResponse> stream =
                chat.streamComplete(streamRequest(failure.provider(upstream) + '/' + upstream.model));
        final StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, stream::hasNext);

        assertProviderFailure(e, upstream, failure);
    }

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void completeGivesUpConnectingAfterTheConnectTimeoutNotTheTimeout(Upstream upstream) {
        final String provider = upstream.provider + UNREACHABLE;
        final long start = System.nanoTime();

        final StatusRuntimeException e = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> chat.withDeadlineAfter(2 * TIMEOUT_MS, TimeUnit.MILLISECONDS)
                          .complete(completeRequest(provider + '/' + upstream.model)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(TIMEOUT_MS / 2));
        assertThat(e).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        final ErrorInfo info = errorInfo(StatusProto.fromThrowable(e));
        assertThat(info.getReason()).isEqualTo(ErrorReason.PROVIDER_TIMEOUT.name());
        assertThat(info.getMetadataMap()).containsEntry("provider", provider);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("upstreamsAndStreamBreaks")
    void streamRelaysTheDeltasBeforeABreakThenReportsTheBreakAsItsStatus(Upstream upstream, StreamBreak streamBreak) {
        final FakeProvider fake = fakes.get(upstream);
        streamBreak.script.accept(fake);
        final String provider = streamBreak.provider(upstream);
        final List<String> deltas = new ArrayList<>();
        final long start = System.nanoTime();

        final Iterator<StreamCompleteResponse> stream =
                chat.withDeadlineAfter(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .streamComplete(streamRequest(provider + '/' + upstream.model));
        final StatusRuntimeException e = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> stream.forEachRemaining(chunk -> deltas.add(chunk.getContentDelta())));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(TIMEOUT_MS / 2));
        assertThat(deltas).containsExactlyElementsOf(FakeProvider.REPLY_CHUNKS.subList(0, DELTAS_BEFORE_BREAK));
        assertThat(e).isNotNull();
        // After the first chunk no fallback is possible: the stream ends UNAVAILABLE, saying how much was
        // delivered and what the provider did.
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        final com.google.rpc.Status details = StatusProto.fromThrowable(e);
        assertThat(details.getMessage()).contains("failed after " + DELTAS_BEFORE_BREAK + " chunks")
                                        .endsWith("provider '" + provider + "': " + streamBreak.problem);
        final ErrorInfo info = errorInfo(details);
        assertThat(info.getReason()).isEqualTo(ErrorReason.PROVIDER_UNAVAILABLE.name());
        assertThat(info.getMetadataMap()).containsEntry("provider", provider)
                                         .containsEntry("upstream_reason", streamBreak.reason.name())
                                         .containsEntry("delivered_chunks", String.valueOf(DELTAS_BEFORE_BREAK));
        // The gateway stops reading what it gave up on.
        assertThat(fake.stalledStreamsClosed()).succeedsWithin(Duration.ofSeconds(5));
    }

    static Stream<Arguments> upstreamsAndStreamBreaks() {
        return Arrays.stream(Upstream.values())
                     .flatMap(upstream -> Arrays.stream(StreamBreak.values())
                                                .map(streamBreak -> Arguments.of(upstream, streamBreak)));
    }

    static Stream<Arguments> upstreamsAndFailures() {
        return Arrays.stream(Upstream.values())
                     .flatMap(upstream -> Arrays.stream(Failure.values())
                                                .map(failure -> Arguments.of(upstream, failure)));
    }

    private static void assertSentConversation(Upstream upstream, boolean stream) {
        final List<ReceivedChat> received = fakes.get(upstream).received();
        assertThat(received).hasSize(1);
        final ReceivedChat request = received.get(0);
        assertThat(request.path()).isEqualTo(upstream.chatPath(stream));
        assertThat(request.apiKey()).isEqualTo(PROVIDER_KEY);
        assertThat(request.model()).isEqualTo(upstream.model);
        assertThat(request.turns()).isEqualTo(CONVERSATION_AS_SENT);
        assertThat(request.stream()).isEqualTo(stream);
        assertThat(request.temperature()).isEqualTo(0.25);
        assertThat(request.maxOutputTokens()).isEqualTo(64);
        assertThat(request.stopSequences()).containsExactly("END");
    }

    private static void assertProviderFailure(StatusRuntimeException e, Upstream upstream, Failure failure) {
        final String provider = failure.provider(upstream);
        assertThat(e).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(failure.code);
        assertThat(e.getStatus().getDescription()).startsWith("provider '" + provider + "'")
                                                  .doesNotContain(PROVIDER_KEY);
        final com.google.rpc.Status details = StatusProto.fromThrowable(e);
        assertThat(details).isNotNull();
        assertThat(details.getMessage()).doesNotContain(PROVIDER_KEY);
        final ErrorInfo info = errorInfo(details);
        assertThat(info.getReason()).isEqualTo(failure.reason.name());
        assertThat(info.getDomain()).isEqualTo(ErrorReason.DOMAIN);
        assertThat(info.getMetadataMap()).containsEntry("provider", provider);
        if (failure.httpStatus != null) {
            assertThat(info.getMetadataMap()).containsEntry("upstream_status", failure.httpStatus.toString());
        }
        if (failure != Failure.TOO_SLOW) {
            // Retrying is the gateway's job: the client library must not have asked the fake again.
            assertThat(fakes.get(upstream).received()).hasSize(1);
        }
    }

    private static ErrorInfo errorInfo(com.google.rpc.Status details) {
        for (Any detail : details.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    return detail.unpack(ErrorInfo.class);
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no ErrorInfo in " + details);
    }

    private static ProviderConfig providerConfig(Upstream upstream, String baseUrl, String name, long timeoutMs,
                                                 long connectTimeoutMs, @Nullable Long streamIdleTimeoutMs) {
        return new ProviderConfig(name, upstream.kind, baseUrl, PROVIDER_KEY,
                                  upstream == Upstream.AZURE_OPENAI ? AZURE_API_VERSION : null, timeoutMs,
                                  connectTimeoutMs, streamIdleTimeoutMs);
    }

    private static CompleteRequest completeRequest(String model) {
        return CompleteRequest.newBuilder().setModel(model).addAllMessages(CONVERSATION).setOptions(OPTIONS).build();
    }

    private static StreamCompleteRequest streamRequest(String model) {
        return StreamCompleteRequest.newBuilder().setModel(model).addAllMessages(CONVERSATION).setOptions(OPTIONS)
                                    .build();
    }

    private static Message message(Role role, String content) {
        return Message.newBuilder().setRole(role).setContent(content).build();
    }
}
