package dev.slipstream.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.slipstream.gateway.provider.LocalProvider;

/** With no configuration file: the local provider, plus each cloud provider whose key is in the environment. */
class EmbeddedConfigTest {
    private static final ProviderConfig LOCAL = new ProviderConfig("local", "local", null, null, null, null, null, null);

    @Test
    void emptyEnvironmentGivesOnlyTheLocalProvider() {
        final GatewayConfig config = EmbeddedConfig.create(Map.of());

        assertThat(config.providers()).containsExactly(LOCAL);
        assertThat(config.models()).containsExactly(
                new ModelConfig("local", "local", LocalProvider.DEFAULT_MODEL, 128_000));
        assertThat(config.defaultModel()).isEqualTo(EmbeddedConfig.LOCAL_ALIAS);
        assertThat(config.auth().apiKey()).as("generated at start").isNull();
        assertThat(config.server()).isEqualTo(ServerConfig.DEFAULT);
        assertThat(config.limits()).isEqualTo(LimitsConfig.DEFAULT);
    }

    @ParameterizedTest(name = "{0} adds {1}")
    @CsvSource({"OPENAI_API_KEY, openai", "ANTHROPIC_API_KEY, anthropic", "GEMINI_API_KEY, gemini",
                "MISTRAL_API_KEY, mistral"})
    void keyInTheEnvironmentAddsItsProvider(String variable, String kind) {
        final GatewayConfig config = EmbeddedConfig.create(Map.of(variable, "key-from-env"));

        assertThat(config.providers()).containsExactly(
                LOCAL, new ProviderConfig(kind, kind, null, "key-from-env", null, null, null, null));
        assertThat(config.defaultModel()).as("still the offline model").isEqualTo(EmbeddedConfig.LOCAL_ALIAS);
    }

    @Test
    void ollamaBaseUrlAddsOllama() {
        final GatewayConfig config = EmbeddedConfig.create(Map.of("OLLAMA_BASE_URL", "http://127.0.0.1:11434"));

        assertThat(config.providers()).containsExactly(
                LOCAL, new ProviderConfig("ollama", "ollama", "http://127.0.0.1:11434", null, null, null, null, null));
    }

    @Test
    void everyVariableAtOnceAddsEveryProviderInAFixedOrder() {
        final GatewayConfig config = EmbeddedConfig.create(Map.of(
                "OLLAMA_BASE_URL", "http://127.0.0.1:11434", "MISTRAL_API_KEY", "m", "GEMINI_API_KEY", "g",
                "ANTHROPIC_API_KEY", "a", "OPENAI_API_KEY", "o"));

        assertThat(config.providers()).extracting(ProviderConfig::name)
                                      .containsExactly("local", "openai", "anthropic", "gemini", "mistral", "ollama");
    }

    @Test
    void blankValuesAreIgnored() {
        final GatewayConfig config =
                EmbeddedConfig.create(Map.of("OPENAI_API_KEY", " ", "OLLAMA_BASE_URL", ""));

        assertThat(config.providers()).containsExactly(LOCAL);
    }

    @Test
    void slipstreamApiKeyGuardsTheGateway() {
        final GatewayConfig config = EmbeddedConfig.create(Map.of("SLIPSTREAM_API_KEY", "key-0123456789abcdef"));

        assertThat(config.auth().apiKey()).isEqualTo("key-0123456789abcdef");
    }

    @Test
    void shortSlipstreamApiKeyIsRejected() {
        final ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> EmbeddedConfig.create(Map.of("SLIPSTREAM_API_KEY", "short")));

        assertThat(e.problems()).containsExactly("auth.api_key: 5 characters (expected: at least 16)");
        assertThat(e.getMessage()).startsWith("embedded default (environment): ");
    }

    @Test
    void invalidOllamaBaseUrlIsRejected() {
        final ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> EmbeddedConfig.create(Map.of("OLLAMA_BASE_URL", "localhost:11434")));

        assertThat(e.problems()).containsExactly(
                "providers[1].base_url: 'localhost:11434' (expected: an http or https URL)");
    }
}
