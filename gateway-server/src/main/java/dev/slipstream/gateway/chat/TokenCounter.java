package dev.slipstream.gateway.chat;

import java.util.List;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * Counts tokens offline with OpenAI's {@code o200k_base} BPE encoding: exact for current OpenAI models,
 * a close estimate for the others. Thread-safe.
 */
public final class TokenCounter {
    /** OpenAI's per-message framing overhead (role and separators) and the reply's priming tokens. */
    public static final int TOKENS_PER_MESSAGE = 3;
    public static final int TOKENS_PER_REPLY = 3;

    private final Encoding encoding =
            Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    /** Tokens of a prompt made of {@code messages}, including the chat framing. */
    public int countPrompt(List<ChatMessage> messages) {
        int total = TOKENS_PER_REPLY;
        for (ChatMessage message : messages) {
            total += TOKENS_PER_MESSAGE + count(message.content());
        }
        return total;
    }

    /** The longest prefix of {@code text} that has at most {@code maxTokens} tokens. */
    public String truncate(String text, int maxTokens) {
        final IntArrayList tokens = encoding.encodeOrdinary(text);
        if (tokens.size() <= maxTokens) {
            return text;
        }
        final IntArrayList prefix = new IntArrayList(maxTokens);
        for (int i = 0; i < maxTokens; i++) {
            prefix.add(tokens.get(i));
        }
        return encoding.decode(prefix);
    }
}
