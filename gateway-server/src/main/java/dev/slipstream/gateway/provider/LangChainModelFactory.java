package dev.slipstream.gateway.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * Builds one provider kind's LangChain4j chat models for a model name. One implementation per provider
 * kind; {@link LangChainChatProvider} does the rest.
 */
public interface LangChainModelFactory {
    ChatModel chatModel(String modelName);

    StreamingChatModel streamingChatModel(String modelName);
}
