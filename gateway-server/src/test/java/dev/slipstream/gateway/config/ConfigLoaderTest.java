package dev.slipstream.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading {@code slipstream.yaml}: the records it yields, environment substitution, and parse errors. */
class ConfigLoaderTest {
    private static final Map<String, String> FULL_ENV = Map.of(
            "SLIPSTREAM_API_KEY", "gateway-key-0123456789",
            "OPENAI_API_KEY", "sk-openai",
            "AZURE_OPENAI_API_KEY", "azure-key",
            "ANTHROPIC_API_KEY", "sk-ant",
            "GEMINI_API_KEY", "gemini-key",
            "MISTRAL_API_KEY", "mistral-key");
    /** A valid remainder for snippets that only exercise one section. */
    private static final String MODELS = """
            providers:
              - name: local
                kind: local
            models:
              - alias: local
                provider: local
                model: slipstream-local
            """;

    @Test
    void fullFileParsesToTheExpectedRecords() throws URISyntaxException {
        final GatewayConfig config = new ConfigLoader(FULL_ENV).load(resource("config/full.yaml"));

        assertThat(config.server())
                .isEqualTo(new ServerConfig("127.0.0.1", 9090, 1_048_576L, 30_000L, false, 500L, null, null));
        assertThat(config.limits()).isEqualTo(
                new LimitsConfig(64, 10_000, 50_000, 4_096, 2, 32, 8, 16, 128, 64, 100));
        assertThat(config.auth()).isEqualTo(new AuthConfig("gateway-key-0123456789", null));
        assertThat(config.providers()).containsExactly(
                new ProviderConfig("local", "local", null, null, null, null, null, null),
                new ProviderConfig("openai", "openai", null, "sk-openai", null, 30_000L, 2_000L, null),
                new ProviderConfig("vllm", "openai-compatible", "http://localhost:8000/v1", null, null, null, null, null),
                new ProviderConfig("azure", "azure-openai", "https://example.openai.azure.com", "azure-key",
                                   "2024-10-21", null, null, null),
                new ProviderConfig("anthropic", "anthropic", null, "sk-ant", null, null, null, null),
                new ProviderConfig("gemini", "gemini", null, "gemini-key", null, null, null, null),
                new ProviderConfig("mistral", "mistral", null, "mistral-key", null, null, null, null),
                new ProviderConfig("ollama", "ollama", "http://localhost:11434", null, null, null, null, null));
        assertThat(config.models()).containsExactly(
                new ModelConfig("fast", "openai", "gpt-4o-mini", 128_000),
                new ModelConfig("smart", "anthropic", "claude-sonnet-4-5", null),
                new ModelConfig("offline", "local", "slipstream-local", null));
        assertThat(config.defaultModel()).isEqualTo("smart");
    }

    @Test
    void omittedSectionsTakeTheirDefaults() {
        final GatewayConfig config = parse(Map.of(), MODELS);

        assertThat(config.server()).isEqualTo(ServerConfig.DEFAULT);
        assertThat(config.limits()).isEqualTo(LimitsConfig.DEFAULT);
        assertThat(config.auth()).isEqualTo(AuthConfig.DEFAULT);
        assertThat(config.prompts()).isEqualTo(PromptsConfig.DEFAULT);
        assertThat(config.providers().get(0).timeoutMs()).isEqualTo(ProviderConfig.DEFAULT_TIMEOUT_MS);
        assertThat(config.models().get(0).contextWindowTokens()).isZero();
        assertThat(config.defaultModel()).as("the first alias").isEqualTo("local");
    }

    @Test
    void environmentVariablesAreSubstitutedInsideStrings() {
        final GatewayConfig config = parse(
                Map.of("KEY", "0123456789abcdef", "HOST", "gpu-1", "PORT", "8000"),
                "auth: {api_key: '${KEY}'}\n" + MODELS.replace(
                        "    kind: local\n",
                        "    kind: local\n  - name: vllm\n    kind: openai-compatible\n" +
                        "    base_url: 'http://${HOST}:${PORT}/v1'\n"));

        assertThat(config.auth().apiKey()).isEqualTo("0123456789abcdef");
        assertThat(config.providers().get(1).baseUrl()).isEqualTo("http://gpu-1:8000/v1");
    }

    @Test
    void defaultIsUsedWhenTheVariableIsUnsetOrEmpty() {
        final String yaml = "auth: {api_key: '${KEY:-fallback-key-0123456789}'}\n" + MODELS;

        assertThat(parse(Map.of(), yaml).auth().apiKey()).isEqualTo("fallback-key-0123456789");
        assertThat(parse(Map.of("KEY", ""), yaml).auth().apiKey()).isEqualTo("fallback-key-0123456789");
        assertThat(parse(Map.of("KEY", "from-the-environment"), yaml).auth().apiKey())
                .isEqualTo("from-the-environment");
    }

    @Test
    void missingVariableNamesTheFieldAndTheVariable() {
        final String yaml = """
                providers:
                  - name: openai
                    kind: openai
                    api_key: ${OPENAI_API_KEY}
                """;

        assertThat(problems(Map.of(), yaml)).containsExactly(
                "line 4: providers[0].api_key: environment variable OPENAI_API_KEY is not set " +
                "(referenced as ${OPENAI_API_KEY})");
    }

    @Test
    void unknownFieldIsNamedWithTheExpectedFields() {
        assertThat(problems(Map.of(), "server:\n  prot: 8080\n" + MODELS)).containsExactly(
                "line 2: server.prot: unknown field 'prot' (expected one of: docs_enabled, host, " +
                "max_request_bytes, metrics_require_admin, port, request_timeout_ms, shutdown_grace_ms, " +
                "upstream_connection_pool_size)");
    }

    @Test
    void unknownFieldInAListIsNamedWithItsIndex() {
        final String yaml = MODELS.replace("    kind: local\n", "    kind: local\n    apikey: x\n");

        assertThat(problems(Map.of(), yaml)).containsExactly(
                "line 4: providers[0].apikey: unknown field 'apikey' (expected one of: api_key, api_version, " +
                "base_url, connect_timeout_ms, kind, name, stream_idle_timeout_ms, timeout_ms)");
    }

    @Test
    void unknownTopLevelFieldIsNamed() {
        assertThat(problems(Map.of(), MODELS + "default_modle: local\n")).containsExactly(
                "line 8: default_modle: unknown field 'default_modle' (expected one of: auth, cache, " +
                "context_store, default_model, limits, models, policy, pricing, prompts, providers, routes, " +
                "server, sessions, tenants)");
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumn() {
        assertThat(problems(Map.of(), "server:\n  port: 8080\n host: 0.0.0.0\n" + MODELS)).containsExactly(
                "line 3, column 2: not valid YAML: expected <block end>, but found '<block mapping start>' " +
                "(while parsing a block mapping)");
    }

    @Test
    void tabIndentationGivesTheLineOfTheTab() {
        assertThat(problems(Map.of(), "server:\n\tport: 8080\n" + MODELS)).singleElement().asString()
                .startsWith("line 2, column 1: not valid YAML: found character '\\t(TAB)'");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "\n\n", "# only a comment\n", "~\n", "---\n"})
    void fileWithNoContentIsReportedAsEmpty(String yaml) {
        assertThat(problems(Map.of(), yaml)).containsExactly("the file is empty (expected: a YAML mapping)");
    }

    @Test
    void topLevelListIsNotAConfiguration() {
        assertThat(problems(Map.of(), "- server\n- models\n")).containsExactly(
                "line 1: the file is a list (expected: a YAML mapping with server, limits, auth, providers, " +
                "models, routes, cache, default_model, context_store, sessions, prompts, tenants, pricing, policy)");
    }

    @Test
    void wrongTypeNamesTheFieldAndTheValue() {
        assertThat(problems(Map.of(), "server:\n  port: eighty\n" + MODELS)).singleElement().asString()
                .startsWith("line 2: server.port: ").contains("\"eighty\"");
    }

    @Test
    void fractionalNumberIsNotTruncated() {
        assertThat(problems(Map.of(), "server:\n  port: 80.8\n" + MODELS)).singleElement().asString()
                .startsWith("line 2: server.port: ").contains("80.8");
    }

    @Test
    void repeatedKeyIsRejected() {
        assertThat(problems(Map.of(), "server:\n  port: 80\n  port: 8080\n" + MODELS)).singleElement().asString()
                .startsWith("line 3: server: ").contains("Duplicate field 'port'");
    }

    @Test
    void emptyListEntryIsRejectedWhereItIs() {
        assertThat(problems(Map.of(), "providers:\n  -\n  - name: local\n    kind: local\n"))
                .singleElement().asString().startsWith("line 2: providers[0]: ");
    }

    @Test
    void modelWithoutAliasIsAProblemNotACrash() {
        final String yaml = MODELS.replace("  - alias: local\n    provider", "  - provider");

        assertThat(problems(Map.of(), yaml)).containsExactly(
                "models[0].alias: missing (expected: letters, digits, '_', '.', ':', '-', no '/'; at most 128 " +
                "characters)");
    }

    @Test
    void everyValidationProblemIsListedInTheMessage() {
        final ConfigException e = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(Map.of()).parse(
                "slipstream.yaml", "server: {port: 70000}\nauth: {api_key: short}\n" + MODELS));

        assertThat(e.problems()).containsExactly("server.port: 70000 (expected: 0 to 65535)",
                                                 "auth.api_key: 5 characters (expected: at least 16)");
        assertThat(e).hasMessage("slipstream.yaml: invalid configuration:\n" +
                                 "  - server.port: 70000 (expected: 0 to 65535)\n" +
                                 "  - auth.api_key: 5 characters (expected: at least 16)");
    }

    @Test
    void missingFileIsNamed() {
        final Path missing = Path.of("does-not-exist", "slipstream.yaml");
        final ConfigException e =
                catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(Map.of()).load(missing));

        assertThat(e.problems()).containsExactly("file not found");
        assertThat(e.getMessage()).startsWith(missing + ": ");
    }

    private static GatewayConfig parse(Map<String, String> env, String yaml) {
        return new ConfigLoader(env).parse("test.yaml", yaml);
    }

    private static List<String> problems(Map<String, String> env, String yaml) {
        final ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(env, yaml));
        assertThat(e).as("the configuration should be rejected").isNotNull();
        return e.problems();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ConfigLoaderTest.class.getClassLoader().getResource(name).toURI());
    }
}
