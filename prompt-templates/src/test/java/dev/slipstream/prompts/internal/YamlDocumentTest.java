package dev.slipstream.prompts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;

import org.junit.jupiter.api.Test;

import dev.slipstream.prompts.internal.YamlDocument.YamlSyntaxException;

class YamlDocumentTest {
    private static final String SOURCE = """
            id: x
            nested:
              list:
                - a
                - {b: 1}
            text: |
              first
              {{second}}
            after: 1
            """;

    @Test
    void knowsTheLineOfEveryKeyAndItem() throws Exception {
        final YamlDocument document = YamlDocument.parse(SOURCE);

        assertThat(document.lineOf(JsonPointer.compile("/id"))).isEqualTo(1);
        assertThat(document.lineOf(JsonPointer.compile("/nested/list"))).isEqualTo(3);
        assertThat(document.lineOf(JsonPointer.compile("/nested/list/1/b"))).isEqualTo(5);
        assertThat(document.lineOf(JsonPointer.compile("/nested/list/1/missing"))).isEqualTo(5);
        assertThat(document.lineOf(JsonPointer.empty())).isEqualTo(1);
        assertThat(document.root().path("nested").path("list").get(1).path("b").asInt()).isEqualTo(1);
    }

    @Test
    void findsTextInsideABlockScalar() throws Exception {
        final YamlDocument document = YamlDocument.parse(SOURCE);

        assertThat(document.lineOf(JsonPointer.compile("/text"), "{{second}}")).isEqualTo(8);
        assertThat(document.lineOf(JsonPointer.compile("/text"), "after")).isEqualTo(6);
    }

    @Test
    void reportsSyntaxErrorsOnTheirLine() {
        assertThatThrownBy(() -> YamlDocument.parse("a: 1\n  b: 2\n"))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e).hasMessage("mapping values are not allowed here");
                });
        assertThatThrownBy(() -> YamlDocument.parse("a: 1\na: 2\n"))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e).hasMessage("Duplicate field 'a'");
                });
    }

    @Test
    void anEmptyDocumentHasANullRoot() throws Exception {
        assertThat(YamlDocument.parse("# only a comment\n").root().isNull()).isTrue();
    }
}
