package dev.slipstream.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;

class LangChainChatProviderTest {
    private static final long GENEROUS_TIMEOUT_MS = 10_000;
    private static final ProviderRequest REQUEST =
            new ProviderRequest("model", List.of(new ChatMessage(Role.USER, "hi")), GenerationOptions.DEFAULT);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void streamReportsOnlyTheFirstOutcomeWhenTheClientErrsThenCompletes() {
        // What OpenAI's streaming client does after an event it cannot read: onError, then, at the end of
        // the stream, onCompleteResponse with whatever it had.
        final StreamingChatModel errsThenCompletes = new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                handler.onError(new InternalServerException("upstream broke"));
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("late")).build());
            }
        };
        final LangChainChatProvider provider = new LangChainChatProvider(
                "test", factoryOf(errsThenCompletes), new TokenCounter(), Runnable::run, null, GENEROUS_TIMEOUT_MS,
                GENEROUS_TIMEOUT_MS);
        final Recorder recorder = new Recorder();

        provider.stream(REQUEST, recorder);

        assertThat(recorder.calls).singleElement().isInstanceOfSatisfying(
                GatewayException.class, e -> assertThat(e.reason()).isEqualTo(ErrorReason.PROVIDER_UNAVAILABLE));
    }

    @Test
    void streamTimesOutAndCancelsTheUpstreamWhenTheProviderGoesQuietAfterADelta() {
        final RecordingHandle upstream = new RecordingHandle();
        final StreamingChatModel stallsAfterTwoDeltas = model((handler, context) -> {
            handler.onPartialResponse(new PartialResponse("Hel"), context);
            handler.onPartialResponse(new PartialResponse("lo"), context);
        }, upstream);
        final LangChainChatProvider provider = new LangChainChatProvider(
                "test", factoryOf(stallsAfterTwoDeltas), new TokenCounter(), executor, null, GENEROUS_TIMEOUT_MS,
                300);
        final Recorder recorder = new Recorder();
        final long start = System.nanoTime();

        provider.stream(REQUEST, recorder);

        assertThat(recorder.outcome).succeedsWithin(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(recorder.calls).hasSize(3).startsWith("delta Hel", "delta lo");
        assertThat(recorder.calls.get(2)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.reason()).isEqualTo(ErrorReason.PROVIDER_TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("provider 'test': no data for 300 ms");
        });
        assertThat(upstream.cancelled).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void streamTimesOutWaitingForTheFirstDeltaAfterTheProviderTimeout() {
        final StreamingChatModel neverAnswers = model((handler, context) -> {}, new RecordingHandle());
        final LangChainChatProvider provider = new LangChainChatProvider(
                "test", factoryOf(neverAnswers), new TokenCounter(), executor, null, 300, GENEROUS_TIMEOUT_MS);
        final Recorder recorder = new Recorder();

        provider.stream(REQUEST, recorder);

        assertThat(recorder.outcome).succeedsWithin(Duration.ofSeconds(5))
                                    .isInstanceOfSatisfying(GatewayException.class, e -> {
                                        assertThat(e.reason()).isEqualTo(ErrorReason.PROVIDER_TIMEOUT);
                                        assertThat(e.getMessage())
                                                .isEqualTo("provider 'test': no data for 300 ms");
                                    });
    }

    @Test
    void streamGivesTheFirstDeltaTheProviderTimeoutAndEachFurtherDeltaTheIdleTimeout() {
        // Quiet for twice the idle timeout before the first delta, and for longer than it in all.
        final StreamingChatModel slowStartThenSteady = model((handler, context) -> {
            pause(600);
            for (int i = 0; i < 6; i++) {
                handler.onPartialResponse(new PartialResponse(String.valueOf(i)), context);
                pause(100);
            }
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("012345")).build());
        }, new RecordingHandle());
        final LangChainChatProvider provider = new LangChainChatProvider(
                "test", factoryOf(slowStartThenSteady), new TokenCounter(), executor, null, GENEROUS_TIMEOUT_MS,
                300);
        final Recorder recorder = new Recorder();

        provider.stream(REQUEST, recorder);

        assertThat(recorder.outcome).succeedsWithin(Duration.ofSeconds(5))
                                    .isInstanceOfSatisfying(ProviderReply.class,
                                                            reply -> assertThat(reply.content()).isEqualTo("012345"));
    }

    @Test
    void cancelStopsTheUpstreamAndTheHandlerHearsNothingMore() throws InterruptedException {
        final RecordingHandle upstream = new RecordingHandle();
        final CompletableFuture<Void> cancelled = new CompletableFuture<>();
        final StreamingChatModel keepsGoingAfterCancel = model((handler, context) -> {
            handler.onPartialResponse(new PartialResponse("first"), context);
            cancelled.join();
            handler.onPartialResponse(new PartialResponse("second"), context);
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("firstsecond")).build());
        }, upstream);
        final LangChainChatProvider provider = new LangChainChatProvider(
                "test", factoryOf(keepsGoingAfterCancel), new TokenCounter(), executor, null, GENEROUS_TIMEOUT_MS,
                GENEROUS_TIMEOUT_MS);
        final Recorder recorder = new Recorder();

        final ChatProvider.StreamHandle handle = provider.stream(REQUEST, recorder);
        recorder.firstDelta.join();
        handle.cancel();
        cancelled.complete(null);
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        assertThat(upstream.isCancelled()).isTrue();
        assertThat(recorder.calls).containsExactly("delta first");
    }

    /** A streaming model that runs {@code script} with a context holding {@code upstream}. */
    private static StreamingChatModel model(Script script, StreamingHandle upstream) {
        return new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                script.run(handler, new PartialResponseContext(upstream));
            }
        };
    }

    @FunctionalInterface
    private interface Script {
        void run(StreamingChatResponseHandler handler, PartialResponseContext context);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static LangChainModelFactory factoryOf(StreamingChatModel model) {
        return new LangChainModelFactory() {
            @Override
            public ChatModel chatModel(String modelName) {
                throw new UnsupportedOperationException("streaming only");
            }

            @Override
            public StreamingChatModel streamingChatModel(String modelName) {
                return model;
            }
        };
    }

    private static final class RecordingHandle implements StreamingHandle {
        final CompletableFuture<Void> cancelled = new CompletableFuture<>();

        @Override
        public void cancel() {
            cancelled.complete(null);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.isDone();
        }
    }

    /** Every handler call in order: {@code "delta text"}, the reply or the error. */
    private static final class Recorder implements ProviderStreamHandler {
        final List<Object> calls = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> firstDelta = new CompletableFuture<>();
        final CompletableFuture<Object> outcome = new CompletableFuture<>();

        @Override
        public void onDelta(String text) {
            calls.add("delta " + text);
            firstDelta.complete(null);
        }

        @Override
        public void onComplete(ProviderReply reply) {
            calls.add(reply);
            outcome.complete(reply);
        }

        @Override
        public void onError(Throwable cause) {
            calls.add(cause);
            outcome.complete(cause);
        }
    }
}
