package dev.slipstream.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** {@code slipstream.example.yaml} stays loadable, valid, and complete as the configuration grows. */
class ExampleConfigTest {
    /** Tests run in the module directory; the example is at the repository root. */
    private static final Path EXAMPLE = Path.of("..", "slipstream.example.yaml");
    /** A variable without a fallback: the file cannot load unless it is set. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    @Test
    void loadsAndValidatesWithEveryReferencedVariableSet() throws IOException {
        final Map<String, String> env = new HashMap<>();
        final Matcher variables = REQUIRED_VARIABLE.matcher(Files.readString(EXAMPLE));
        while (variables.find()) {
            final String name = variables.group(1);
            env.put(name, name.endsWith("_ENDPOINT") ? "https://fake.example.com" : "fake-" + name.toLowerCase());
        }
        assertThat(env).as("the example reads its secrets from the environment")
                       .containsKeys("SLIPSTREAM_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY");

        final GatewayConfig config = new ConfigLoader(env).load(EXAMPLE);

        assertThat(config.auth().apiKey()).isEqualTo("fake-slipstream_api_key");
        assertThat(config.providers()).extracting(ProviderConfig::baseUrl)
                                      .contains("http://localhost:8000/v1", "http://localhost:11434");
        assertThat(config.defaultModel()).isEqualTo("fast");
    }

    @Test
    void setsEveryOptionOfEveryRecord() throws IOException {
        final JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLE.toFile());

        assertThat(keys(root)).isEqualTo(options(GatewayConfig.class));
        assertThat(keys(root.get("server"))).isEqualTo(options(ServerConfig.class));
        assertThat(keys(root.get("limits"))).isEqualTo(options(LimitsConfig.class));
        assertThat(keys(root.get("auth"))).isEqualTo(options(AuthConfig.class));
        final JsonNode apiKeys = root.get("auth").get("api_keys");
        assertThat(keysOfAll(apiKeys)).isEqualTo(options(ApiKeyConfig.class));
        assertThat(keysOfAll(apiKeys.findValues("limits"))).isEqualTo(options(RateLimitConfig.class));
        assertThat(keysOfAll(apiKeys.findValues("budget"))).isEqualTo(options(BudgetConfig.class));
        assertThat(keysOfAll(root.get("tenants"))).isEqualTo(options(TenantConfig.class));
        assertThat(keys(root.get("policy"))).isEqualTo(options(PolicyConfig.class));
        assertThat(keysOfAll(root.get("pricing"))).isEqualTo(options(PriceConfig.class));
        assertThat(keysOfAll(root.get("pricing").findValues("tiers").get(0)))
                .isEqualTo(options(PriceConfig.PriceTierConfig.class));
        assertThat(keys(root.get("context_store"))).isEqualTo(options(ContextStoreConfig.class));
        assertThat(keys(root.get("sessions"))).isEqualTo(options(SessionsConfig.class));
        assertThat(keysOfAll(root.get("providers"))).isEqualTo(options(ProviderConfig.class));
        assertThat(keysOfAll(root.get("models"))).isEqualTo(options(ModelConfig.class));
        assertThat(keys(root.get("prompts"))).isEqualTo(options(PromptsConfig.class));
        assertThat(keysOfAll(root.get("routes"))).isEqualTo(options(RouteConfig.class));
        final JsonNode target = root.get("routes").get(0).get("targets").get(0);
        assertThat(keys(target)).isEqualTo(options(TargetConfig.class));
        assertThat(keys(target.get("retry"))).isEqualTo(options(RetryConfig.class));
        assertThat(keys(target.get("breaker"))).isEqualTo(options(BreakerConfig.class));
        assertThat(keys(target.get("bulkhead"))).isEqualTo(options(BulkheadConfig.class));
        assertThat(keys(root.get("cache"))).isEqualTo(options(CacheConfig.class));
    }

    @Test
    void hasAProviderOfEveryKind() throws IOException {
        final JsonNode providers = new ObjectMapper(new YAMLFactory()).readTree(EXAMPLE.toFile()).get("providers");
        final Set<String> kinds = new TreeSet<>();
        providers.forEach(provider -> kinds.add(provider.get("kind").asText()));

        assertThat(kinds).containsExactlyInAnyOrderElementsOf(ProviderConfig.KINDS);
    }

    /** The YAML keys of a configuration record: its components in snake_case. */
    private static Set<String> options(Class<? extends Record> type) {
        final PropertyNamingStrategies.SnakeCaseStrategy snakeCase = new PropertyNamingStrategies.SnakeCaseStrategy();
        return Arrays.stream(type.getRecordComponents())
                     .map(component -> snakeCase.translate(component.getName()))
                     .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> keys(JsonNode mapping) {
        final Set<String> keys = new TreeSet<>();
        mapping.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Set<String> keysOfAll(Iterable<JsonNode> list) {
        final Set<String> keys = new TreeSet<>();
        list.forEach(mapping -> keys.addAll(keys(mapping)));
        return keys;
    }
}
