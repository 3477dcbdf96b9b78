package dev.slipstream.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class CallTemplateTest {
    private static final CallTemplate.MethodNames NAMES = new CallTemplate.MethodNames(
            "slipstream.gateway.v1.ChatService.Complete", "Complete", "slipstream.gateway.v1.ChatService",
            "slipstream.gateway.v1.CompleteRequest", "slipstream.gateway.v1.CompleteResponse", false, false);
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00.123456789Z");

    @Test
    void fillsGhzCallDataPerCall() {
        final CallTemplate template = CallTemplate.parse(
                "{{.RequestNumber}}|{{ .MethodName }}|{{.TimestampUnix}}|{{.TimestampUnixMilli}}|{{.UUID}}|{{randomInt 5 6}}");

        final String[] parts = template.render(new CallTemplate.CallContext(42, 3, NAMES, NOW)).split("\\|");

        assertThat(parts[0]).isEqualTo("42");
        assertThat(parts[1]).isEqualTo("Complete");
        assertThat(parts[2]).isEqualTo("1795248000");
        assertThat(parts[3]).isEqualTo("1795248000123");
        assertThat(parts[4]).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(parts[5]).isEqualTo("5");
    }

    @Test
    void refusesWhatItCannotFill() {
        assertThatThrownBy(() -> CallTemplate.parse("{{.Nope}}")).hasMessageContaining("unsupported template action {{.Nope}}");
        assertThatThrownBy(() -> CallTemplate.parse("{{.RequestNumber")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> CallTemplate.parse("{{randomInt 9 1}}")).hasMessageContaining("MIN < MAX");
    }

    @Test
    void requestDataTakesAnArrayRoundRobinAndFillsNestedStrings() throws Exception {
        final RequestData data = RequestData.of(new ObjectMapper().readTree("""
                [{"a": {"b": ["x-{{.RequestNumber}}"]}}, {"a": "fixed"}]"""));

        assertThat(data.render(new CallTemplate.CallContext(4, 0, NAMES, NOW))).isEqualTo("{\"a\":{\"b\":[\"x-4\"]}}");
        assertThat(data.render(new CallTemplate.CallContext(5, 0, NAMES, NOW))).isEqualTo("{\"a\":\"fixed\"}");
        assertThat(data.isConstant(1)).isTrue();
    }
}
