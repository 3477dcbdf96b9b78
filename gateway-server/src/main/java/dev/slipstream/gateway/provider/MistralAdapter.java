package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.slipstream.gateway.config.ProviderConfig;

/**
 * Mistral's chat completions API: {@code POST {base_url}/chat/completions}, bearer key; the base URL
 * includes the version ({@code https://api.mistral.ai/v1}). Timeouts come from {@link ProviderHttp}, which
 * keeps the configured ones over the builders'.
 */
final class MistralAdapter implements LangChainModelFactory {
    private final ProviderConfig config;
    private final Executor executor;

    MistralAdapter(ProviderConfig config, Executor executor) {
        this.config = requireNonNull(config, "config");
        this.executor = requireNonNull(executor, "executor");
    }

    @Override
    public ChatModel chatModel(String modelName) {
        return MistralAiChatModel.builder()
                                 .baseUrl(config.baseUrl())
                                 .apiKey(config.apiKey())
                                 .modelName(modelName)
                                 .httpClientBuilder(ProviderHttp.clientBuilder(config, config.baseUrl(), executor))
                                 .maxRetries(0)
                                 .build();
    }

    @Override
    public StreamingChatModel streamingChatModel(String modelName) {
        return MistralAiStreamingChatModel.builder()
                                          .baseUrl(config.baseUrl())
                                          .apiKey(config.apiKey())
                                          .modelName(modelName)
                                          .httpClientBuilder(
                                                  ProviderHttp.clientBuilder(config, config.baseUrl(), executor))
                                          .build();
    }
}
