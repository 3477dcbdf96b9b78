package dev.slipstream.gateway.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/** Sampling and length controls; a null field means "the provider's default". */
public record GenerationOptions(@Nullable Double temperature,
                                @Nullable Double topP,
                                @Nullable Integer maxOutputTokens,
                                List<String> stopSequences,
                                ResponseFormat responseFormat) {

    public static final GenerationOptions DEFAULT =
            new GenerationOptions(null, null, null, List.of(), ResponseFormat.TEXT);

    public GenerationOptions {
        stopSequences = List.copyOf(stopSequences);
        requireNonNull(responseFormat, "responseFormat");
    }
}
