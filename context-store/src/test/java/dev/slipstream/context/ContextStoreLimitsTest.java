package dev.slipstream.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContextStoreLimitsTest {
    @Test
    void defaultsAreTheDocumentedConstants() {
        final ContextStoreLimits limits = ContextStoreLimits.DEFAULT;

        assertThat(limits.maxMessages()).isEqualTo(ContextStoreLimits.DEFAULT_MAX_MESSAGES);
        assertThat(limits.maxMessageBytes()).isEqualTo(ContextStoreLimits.DEFAULT_MAX_MESSAGE_BYTES);
        assertThat(limits.maxSessionBytes()).isEqualTo(ContextStoreLimits.DEFAULT_MAX_SESSION_BYTES);
        assertThat(limits.maxMetadataEntries()).isEqualTo(ContextStoreLimits.DEFAULT_MAX_METADATA_ENTRIES);
        assertThat(limits.defaultTtl()).isEqualTo(ContextStoreLimits.DEFAULT_TTL);
        assertThat(limits.maxTtl()).isEqualTo(ContextStoreLimits.DEFAULT_MAX_TTL);
        assertThat(limits.maxPageSize()).isEqualTo(ContextStoreLimits.DEFAULT_MAX_PAGE_SIZE);
    }

    static Stream<Arguments> rejectedValues() {
        return Stream.of(
                rejected("maxMessages 0", b -> b.maxMessages(0), "maxMessages: 0 (expected: > 0)"),
                rejected("maxMessageBytes -1", b -> b.maxMessageBytes(-1), "maxMessageBytes: -1 (expected: > 0)"),
                rejected("maxSessionBytes 0", b -> b.maxSessionBytes(0), "maxSessionBytes: 0 (expected: > 0)"),
                rejected("maxMetadataEntries -1", b -> b.maxMetadataEntries(-1),
                         "maxMetadataEntries: -1 (expected: >= 0)"),
                rejected("defaultTtl 0", b -> b.defaultTtl(Duration.ZERO), "defaultTtl: PT0S (expected: >= PT0.001S)"),
                rejected("maxTtl 0.5 ms", b -> b.maxTtl(Duration.ofNanos(500_000)),
                         "maxTtl: PT0.0005S (expected: >= PT0.001S)"),
                rejected("maxPageSize 0", b -> b.maxPageSize(0), "maxPageSize: 0 (expected: > 0)"),
                rejected("defaultTtl above maxTtl",
                         b -> b.defaultTtl(Duration.ofHours(2)).maxTtl(Duration.ofHours(1)).build(),
                         "defaultTtl: PT2H (expected: <= maxTtl PT1H)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedValues")
    void rejectsValue(Consumer<ContextStoreLimits.Builder> setting, String message) {
        assertThatThrownBy(() -> setting.accept(ContextStoreLimits.builder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    private static Arguments rejected(String name, Consumer<ContextStoreLimits.Builder> setting, String message) {
        return Arguments.of(Named.of(name, setting), message);
    }
}
