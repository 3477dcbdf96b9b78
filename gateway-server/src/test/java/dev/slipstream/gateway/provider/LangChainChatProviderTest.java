package dev.slipstream.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;

class LangChainChatProviderTest {
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
                "test", factoryOf(errsThenCompletes), new TokenCounter(), Runnable::run, null);
        final List<Object> outcomes = new CopyOnWriteArrayList<>();

        provider.stream(new ProviderRequest("model", List.of(new ChatMessage(Role.USER, "hi")),
                                            GenerationOptions.DEFAULT),
                        new ProviderStreamHandler() {
                            @Override
                            public void onDelta(String text) {
                                outcomes.add("delta " + text);
                            }

                            @Override
                            public void onComplete(ProviderReply reply) {
                                outcomes.add(reply);
                            }

                            @Override
                            public void onError(Throwable cause) {
                                outcomes.add(cause);
                            }
                        });

        assertThat(outcomes).singleElement().isInstanceOfSatisfying(
                GatewayException.class, e -> assertThat(e.reason()).isEqualTo(ErrorReason.PROVIDER_UNAVAILABLE));
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
}
