package dev.slipstream.gateway.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.GenerationOptions;

/**
 * The key of a request's cached reply: a SHA-256 of everything that shapes the reply, written in one
 * canonical form (length-prefixed, so that no two requests write the same text), plus where it is routed.
 * Request id and metadata are left out: they do not change the reply.
 */
final class CacheKeys {
    private CacheKeys() {}

    static String of(ChatRequest request, String routeName, Iterable<String> targetNames) {
        final StringBuilder canonical = new StringBuilder();
        field(canonical, routeName);
        targetNames.forEach(target -> field(canonical, target));
        for (ChatMessage message : request.messages()) {
            field(canonical, message.role().name());
            field(canonical, message.content());
        }
        final GenerationOptions options = request.options();
        field(canonical, String.valueOf(options.temperature()));
        field(canonical, String.valueOf(options.topP()));
        field(canonical, String.valueOf(options.maxOutputTokens()));
        options.stopSequences().forEach(stop -> field(canonical, stop));
        field(canonical, options.responseFormat().name());
        return sha256(canonical.toString());
    }

    private static void field(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
