package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

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
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.FinishReason;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.ResponseFormat;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.chat.TokenUsage;

/**
 * A {@link ChatProvider} over LangChain4j chat models: maps messages and options in, replies, usage and
 * errors out. Blocking calls run on the given executor (virtual threads in the server).
 */
final class LangChainChatProvider implements ChatProvider {
    private final String name;
    private final LangChainModelFactory factory;
    private final TokenCounter tokenCounter;
    private final Executor executor;
    @Nullable
    private final String secret;
    private final Map<String, ChatModel> chatModels = new ConcurrentHashMap<>();
    private final Map<String, StreamingChatModel> streamingModels = new ConcurrentHashMap<>();

    LangChainChatProvider(String name, LangChainModelFactory factory, TokenCounter tokenCounter,
                          Executor executor, @Nullable String secret) {
        this.name = requireNonNull(name, "name");
        this.factory = requireNonNull(factory, "factory");
        this.tokenCounter = requireNonNull(tokenCounter, "tokenCounter");
        this.executor = requireNonNull(executor, "executor");
        this.secret = secret;
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
        // Set by the caller's cancel or by the first outcome: LangChain4j can report an error and then complete
        // (OpenAI's client after an unreadable event), and the handler must see one outcome only.
        final AtomicBoolean closed = new AtomicBoolean();
        final StringBuilder content = new StringBuilder();
        executor.execute(() -> {
            try {
                final StreamingChatModel model =
                        streamingModels.computeIfAbsent(request.providerModel(), factory::streamingChatModel);
                model.chat(toChatRequest(request), new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                        if (closed.get()) {
                            context.streamingHandle().cancel();
                            return;
                        }
                        content.append(partial.text());
                        handler.onDelta(partial.text());
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        if (closed.compareAndSet(false, true)) {
                            handler.onComplete(reply(request, response, content.toString()));
                        }
                    }

                    @Override
                    public void onError(Throwable error) {
                        if (closed.compareAndSet(false, true)) {
                            handler.onError(ProviderErrors.map(name, error, secret));
                        }
                    }
                });
            } catch (RuntimeException e) {
                if (closed.compareAndSet(false, true)) {
                    handler.onError(ProviderErrors.map(name, e, secret));
                }
            }
        });
        return () -> closed.set(true);
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
}
