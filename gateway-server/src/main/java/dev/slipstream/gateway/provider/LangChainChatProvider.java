package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.locks.ReentrantLock;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.FinishReason;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.ResponseFormat;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.chat.TokenUsage;
import dev.slipstream.gateway.error.GatewayException;

/**
 * A {@link ChatProvider} over LangChain4j chat models: maps messages and options in, replies, usage and
 * errors out. Blocking calls run on the given executor (virtual threads in the server).
 */
final class LangChainChatProvider implements ChatProvider {
    /** Checks every stream for a quiet provider; the checks only compare times, so one thread does. */
    private static final ScheduledExecutorService IDLE_CHECKS = idleCheckScheduler();

    private final String name;
    private final LangChainModelFactory factory;
    private final TokenCounter tokenCounter;
    private final Executor executor;
    @Nullable
    private final String secret;
    private final long firstDeltaTimeoutMs;
    private final long streamIdleTimeoutMs;
    private final Map<String, ChatModel> chatModels = new ConcurrentHashMap<>();
    private final Map<String, StreamingChatModel> streamingModels = new ConcurrentHashMap<>();

    /**
     * @param firstDeltaTimeoutMs how long a stream may wait for its first delta
     * @param streamIdleTimeoutMs how long a stream may then wait for each further delta
     */
    LangChainChatProvider(String name, LangChainModelFactory factory, TokenCounter tokenCounter,
                          Executor executor, @Nullable String secret, long firstDeltaTimeoutMs,
                          long streamIdleTimeoutMs) {
        this.name = requireNonNull(name, "name");
        this.factory = requireNonNull(factory, "factory");
        this.tokenCounter = requireNonNull(tokenCounter, "tokenCounter");
        this.executor = requireNonNull(executor, "executor");
        this.secret = secret;
        this.firstDeltaTimeoutMs = firstDeltaTimeoutMs;
        this.streamIdleTimeoutMs = streamIdleTimeoutMs;
    }

    private static ScheduledExecutorService idleCheckScheduler() {
        final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("slipstream-stream-idle-check").daemon().factory());
        // A stream that ends cancels its pending check; this drops the check instead of keeping it until due.
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<ProviderReply> complete(ProviderRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                final ChatModel model = chatModels.computeIfAbsent(request.providerModel(), factory::chatModel);
                return reply(request, model.chat(toChatRequest(request)), null);
            } catch (RuntimeException e) {
                throw ProviderErrors.map(name, e, secret);
            }
        }, executor);
    }

    @Override
    public StreamHandle stream(ProviderRequest request, ProviderStreamHandler handler) {
        final Stream stream = new Stream(request, handler);
        executor.execute(stream::start);
        return stream::cancel;
    }

    private static ChatRequest toChatRequest(ProviderRequest request) {
        final List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            messages.add(switch (m.role()) {
                case SYSTEM -> SystemMessage.from(m.content());
                case USER -> UserMessage.from(m.content());
                case ASSISTANT -> AiMessage.from(m.content());
            });
        }
        return ChatRequest.builder().messages(messages).parameters(parameters(request)).build();
    }

    private static ChatRequestParameters parameters(ProviderRequest request) {
        final GenerationOptions options = request.options();
        final DefaultChatRequestParameters.Builder<?> builder =
                DefaultChatRequestParameters.builder().modelName(request.providerModel())
                                            .temperature(options.temperature())
                                            .topP(options.topP())
                                            .maxOutputTokens(options.maxOutputTokens());
        if (!options.stopSequences().isEmpty()) {
            builder.stopSequences(options.stopSequences());
        }
        if (options.responseFormat() == ResponseFormat.JSON) {
            builder.responseFormat(dev.langchain4j.model.chat.request.ResponseFormat.JSON);
        }
        return builder.build();
    }

    /** {@code streamedText} is what the deltas added up to; null for unary calls. */
    private ProviderReply reply(ProviderRequest request, ChatResponse response, @Nullable String streamedText) {
        final AiMessage message = response.aiMessage();
        String text = message == null || message.text() == null ? "" : message.text();
        if (streamedText != null && !streamedText.isEmpty()) {
            text = streamedText;
        }
        final String model = response.modelName() == null ? request.providerModel() : response.modelName();
        return new ProviderReply(text, finishReason(response.finishReason()), usage(request, response, text),
                                 model);
    }

    private TokenUsage usage(ProviderRequest request, ChatResponse response, String text) {
        // Some servers report no usage; count it ourselves rather than bill zero.
        final dev.langchain4j.model.output.TokenUsage usage = response.tokenUsage();
        final boolean complete = usage != null && usage.inputTokenCount() != null &&
                                 usage.outputTokenCount() != null;
        return UsageNormalizer.normalize(usage, complete ? 0 : tokenCounter.countPrompt(request.messages()),
                                         complete ? 0 : tokenCounter.count(text));
    }

    private static FinishReason finishReason(@Nullable dev.langchain4j.model.output.FinishReason reason) {
        if (reason == null) {
            return FinishReason.STOP;
        }
        return switch (reason) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
            default -> FinishReason.OTHER;
        };
    }

    /**
     * One streamed call: relays deltas, reports a single outcome, and fails the stream when the provider goes
     * quiet. The first delta may take the provider's timeout, like the start of a unary reply; later ones may
     * be at most the stream idle timeout apart. A delta only moves a deadline: one scheduled check compares
     * it with the clock and re-arms itself for the time left, but never for longer than the idle timeout,
     * because the first delta brings the deadline forward when the idle timeout is the shorter one.
     */
    private final class Stream implements StreamingChatResponseHandler {
        private final ProviderRequest request;
        private final ProviderStreamHandler handler;
        /** Makes handler calls one at a time, as the handler expects; the idle check runs on another thread. */
        private final ReentrantLock relaying = new ReentrantLock();
        /**
         * Set, holding {@link #relaying}, by the first outcome, the caller's cancel or the idle timeout:
         * LangChain4j can report an error and then complete (OpenAI's client after an unreadable event), and
         * the handler must see one outcome.
         */
        private volatile boolean closed;
        private final StringBuilder content = new StringBuilder();
        /** When the next delta is due, in {@link System#nanoTime()} terms. */
        private volatile long nextDeltaDueNanos;
        /** How long the provider had for the delta that is due, for the timeout's message. */
        private volatile long allowedQuietMs;
        @Nullable
        private volatile StreamingHandle upstream;
        @Nullable
        private volatile ScheduledFuture<?> idleCheck;

        Stream(ProviderRequest request, ProviderStreamHandler handler) {
            this.request = request;
            this.handler = handler;
        }

        void start() {
            if (closed) {
                return;
            }
            allowedQuietMs = firstDeltaTimeoutMs;
            nextDeltaDueNanos = System.nanoTime() + MILLISECONDS.toNanos(firstDeltaTimeoutMs);
            checkIdleIn(MILLISECONDS.toNanos(firstDeltaTimeoutMs));
            try {
                final StreamingChatModel model =
                        streamingModels.computeIfAbsent(request.providerModel(), factory::streamingChatModel);
                model.chat(toChatRequest(request), this);
            } catch (RuntimeException e) {
                onError(e);
            }
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            relaying.lock();
            try {
                if (closed) {
                    context.streamingHandle().cancel();
                    return;
                }
                if (upstream == null) {
                    // The first delta: from now on the provider may only be quiet for the idle timeout.
                    upstream = context.streamingHandle();
                    allowedQuietMs = streamIdleTimeoutMs;
                }
                nextDeltaDueNanos = System.nanoTime() + MILLISECONDS.toNanos(streamIdleTimeoutMs);
                content.append(partial.text());
                handler.onDelta(partial.text());
            } finally {
                relaying.unlock();
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            relaying.lock();
            try {
                if (close()) {
                    handler.onComplete(reply(request, response, content.toString()));
                }
            } finally {
                relaying.unlock();
            }
        }

        @Override
        public void onError(Throwable error) {
            fail(ProviderErrors.map(name, error, secret));
        }

        void cancel() {
            relaying.lock();
            try {
                close();
            } finally {
                relaying.unlock();
            }
            cancelUpstream();
        }

        private void fail(GatewayException error) {
            relaying.lock();
            try {
                if (close()) {
                    handler.onError(error);
                }
            } finally {
                relaying.unlock();
            }
        }

        /** Whether this call closed the stream; stops the idle check. Call holding {@link #relaying}. */
        private boolean close() {
            if (closed) {
                return false;
            }
            closed = true;
            final ScheduledFuture<?> check = idleCheck;
            if (check != null) {
                check.cancel(false);
            }
            return true;
        }

        private void checkIdleIn(long leftNanos) {
            final long delayNanos = Math.min(leftNanos, MILLISECONDS.toNanos(streamIdleTimeoutMs));
            final ScheduledFuture<?> check = IDLE_CHECKS.schedule(this::checkIdle, delayNanos, NANOSECONDS);
            idleCheck = check;
            // The stream may have closed before idleCheck was set, and then nothing else would cancel it.
            if (closed) {
                check.cancel(false);
            }
        }

        /** Runs on the idle-check thread: only compares times, and leaves timing out to the executor. */
        private void checkIdle() {
            if (closed) {
                return;
            }
            final long leftNanos = nextDeltaDueNanos - System.nanoTime();
            if (leftNanos > 0) {
                checkIdleIn(leftNanos);
            } else {
                executor.execute(this::timeOut);
            }
        }

        private void timeOut() {
            fail(ProviderErrors.noDataFor(name, allowedQuietMs));
            cancelUpstream();
        }

        /** Stops the upstream read; before the first delta there is no handle yet, and a later delta stops it. */
        private void cancelUpstream() {
            final StreamingHandle handle = upstream;
            if (handle != null) {
                handle.cancel();
            }
        }
    }
}
