package dev.slipstream.gateway.provider;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.FinishReason;
import dev.slipstream.gateway.chat.ResponseFormat;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.chat.TokenUsage;

/**
 * An offline provider that calls no model: it answers with a deterministic, clearly labelled summary of
 * what it received, counts tokens with a real tokenizer and costs nothing. It is what the embedded
 * default routes to, so the gateway serves on a machine with no keys and no network.
 */
public final class LocalProvider implements ChatProvider {
    public static final String KIND = "local";
    public static final String DEFAULT_MODEL = "slipstream-local";

    private static final int QUOTED_CHARS = 200;
    /** A word with the whitespace after it: the unit a local stream is sent in. */
    private static final Pattern STREAM_CHUNK = Pattern.compile("\\S+\\s*|\\s+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final TokenCounter tokenCounter;
    private final Executor executor;

    public LocalProvider(String name, TokenCounter tokenCounter, Executor executor) {
        this.name = requireNonNull(name, "name");
        this.tokenCounter = requireNonNull(tokenCounter, "tokenCounter");
        this.executor = requireNonNull(executor, "executor");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<ProviderReply> complete(ProviderRequest request) {
        return CompletableFuture.supplyAsync(() -> reply(request), executor);
    }

    @Override
    public StreamHandle stream(ProviderRequest request, ProviderStreamHandler handler) {
        final AtomicBoolean cancelled = new AtomicBoolean();
        executor.execute(() -> {
            final ProviderReply reply = reply(request);
            final Matcher chunks = STREAM_CHUNK.matcher(reply.content());
            while (chunks.find()) {
                if (cancelled.get()) {
                    return;
                }
                handler.onDelta(chunks.group());
            }
            if (!cancelled.get()) {
                handler.onComplete(reply);
            }
        });
        return () -> cancelled.set(true);
    }

    ProviderReply reply(ProviderRequest request) {
        final List<ChatMessage> messages = request.messages();
        String text = request.options().responseFormat() == ResponseFormat.JSON ? jsonSummary(request)
                                                                                   : textSummary(request);
        FinishReason finishReason = FinishReason.STOP;
        for (String stop : request.options().stopSequences()) {
            final int at = text.indexOf(stop);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        final Integer maxOutputTokens = request.options().maxOutputTokens();
        if (maxOutputTokens != null) {
            final String truncated = tokenCounter.truncate(text, maxOutputTokens);
            if (!truncated.equals(text)) {
                text = truncated;
                finishReason = FinishReason.LENGTH;
            }
        }
        final TokenUsage usage = new TokenUsage(tokenCounter.countPrompt(messages), tokenCounter.count(text), 0, 0);
        return new ProviderReply(text, finishReason, usage, request.providerModel());
    }

    private String textSummary(ProviderRequest request) {
        final List<ChatMessage> messages = request.messages();
        return "[offline reply from the Slipstream local provider (model " + request.providerModel() +
               "): no LLM was called] Received " + messages.size() + " message(s) (" +
               count(messages, Role.SYSTEM) + " system, " + count(messages, Role.USER) + " user, " +
               count(messages, Role.ASSISTANT) + " assistant), " + tokenCounter.countPrompt(messages) +
               " prompt tokens. Last user message: \"" + quoted(lastUserMessage(messages)) + "\".";
    }

    private String jsonSummary(ProviderRequest request) {
        final List<ChatMessage> messages = request.messages();
        final Map<String, Object> summary = Map.of(
                "offline", true,
                "provider", "local",
                "model", request.providerModel(),
                "received_messages", messages.size(),
                "prompt_tokens", tokenCounter.countPrompt(messages),
                "last_user_message", quoted(lastUserMessage(messages)));
        try {
            return JSON.writeValueAsString(new TreeMap<>(summary));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serializes", e);
        }
    }

    private static long count(List<ChatMessage> messages, Role role) {
        return messages.stream().filter(m -> m.role() == role).count();
    }

    private static String lastUserMessage(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    private static String quoted(String text) {
        return text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + "…";
    }
}
