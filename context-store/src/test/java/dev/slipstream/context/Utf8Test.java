package dev.slipstream.context;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8Test {
    @ParameterizedTest(name = "{0}: {1} bytes")
    @CsvSource({
            "'', 0",
            "ascii, 5",
            "é, 2",
            "€, 3",
            "😀, 4",
            "a😀é€, 10",
            "'\uD83D', 1",
            "'\uDE00x', 2",
    })
    void countsWhatUtf8EncodingProduces(String text, long bytes) {
        assertThat(Utf8.length(text)).isEqualTo(bytes).isEqualTo(text.getBytes(UTF_8).length);
    }
}
