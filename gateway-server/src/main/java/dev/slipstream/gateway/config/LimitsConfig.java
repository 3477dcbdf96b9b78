package dev.slipstream.gateway.config;

import com.linecorp.armeria.common.annotation.Nullable;

/** Limits every chat request is validated against; each names its unit. */
public record LimitsConfig(Integer maxMessages, Integer maxMessageChars, Integer maxTotalChars,
                           Integer maxOutputTokens, Integer maxStopSequences, Integer maxStopSequenceChars,
                           Integer maxMetadataEntries, Integer maxMetadataKeyChars,
                           Integer maxMetadataValueChars, Integer maxRequestIdChars, Integer maxModelChars) {
    public static final LimitsConfig DEFAULT =
            new LimitsConfig(null, null, null, null, null, null, null, null, null, null, null);

    public LimitsConfig(@Nullable Integer maxMessages, @Nullable Integer maxMessageChars,
                        @Nullable Integer maxTotalChars, @Nullable Integer maxOutputTokens,
                        @Nullable Integer maxStopSequences, @Nullable Integer maxStopSequenceChars,
                        @Nullable Integer maxMetadataEntries, @Nullable Integer maxMetadataKeyChars,
                        @Nullable Integer maxMetadataValueChars, @Nullable Integer maxRequestIdChars,
                        @Nullable Integer maxModelChars) {
        this.maxMessages = orDefault(maxMessages, 512);
        this.maxMessageChars = orDefault(maxMessageChars, 400_000);
        this.maxTotalChars = orDefault(maxTotalChars, 1_000_000);
        this.maxOutputTokens = orDefault(maxOutputTokens, 65_536);
        this.maxStopSequences = orDefault(maxStopSequences, 4);
        this.maxStopSequenceChars = orDefault(maxStopSequenceChars, 256);
        this.maxMetadataEntries = orDefault(maxMetadataEntries, 16);
        this.maxMetadataKeyChars = orDefault(maxMetadataKeyChars, 64);
        this.maxMetadataValueChars = orDefault(maxMetadataValueChars, 512);
        this.maxRequestIdChars = orDefault(maxRequestIdChars, 128);
        this.maxModelChars = orDefault(maxModelChars, 256);
    }

    private static int orDefault(@Nullable Integer value, int defaultValue) {
        return value == null ? defaultValue : value;
    }
}
