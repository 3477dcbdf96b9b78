package dev.slipstream.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class GhzConfigTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsGhzKeysWithGhzDefaults() throws Exception {
        final GhzConfig config = GhzConfig.from(tree("""
                {"call": "slipstream.gateway.v1.ChatService.Complete", "host": "127.0.0.1:8080",
                 "duration": "1m30s", "timeout": "250ms", "metadata": {"authorization": "Bearer k"},
                 "skipFirst": 7, "insecure": true}"""), false);

        assertThat(config.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.concurrency()).isEqualTo(50);
        assertThat(config.total()).isEqualTo(200);
        assertThat(config.skipFirst()).isEqualTo(7);
        assertThat(config.metadata()).containsEntry("authorization", "Bearer k");
        assertThat(config.byDuration()).isTrue();
    }

    @Test
    void namesEveryProblemAtOnce() {
        assertThatThrownBy(() -> GhzConfig.from(tree("""
                {"call": "x.Y.Z", "host": "h:1", "load-schedule": "step", "skipfirst": 3, "timeout": "soon",
                 "rps": -1, "format": "html"}"""), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("load-schedule: a ghz option this runner does not implement")
                .hasMessageContaining("skipfirst: unknown key")
                .hasMessageContaining("timeout: invalid duration 'soon'")
                .hasMessageContaining("rps: -1")
                .hasMessageContaining("format: 'html'");
    }

    @Test
    void anUnknownMethodListsTheKnownOnes() {
        assertThatThrownBy(() -> ProtoMethods.find("slipstream.gateway.v1.ChatService.Chat"))
                .hasMessageContaining("unknown method")
                .hasMessageContaining("slipstream.execution.v1.ExecutionAdvisorService.ExecutionDecision");
    }

    @Test
    void dataThatDoesNotFitTheRequestTypeNamesTheType() {
        final ProtoMethods.Method method = ProtoMethods.find("slipstream.gateway.v1.ChatService/Complete");
        assertThat(method.request("{\"model\":\"m\",\"session_id\":\"s\"}").toString()).contains("session_id: \"s\"");
        assertThatThrownBy(() -> method.request("{\"modle\":\"m\"}"))
                .hasMessageContaining("slipstream.gateway.v1.CompleteRequest");
    }

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }
}
