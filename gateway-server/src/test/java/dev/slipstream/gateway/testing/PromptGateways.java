package dev.slipstream.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.ModelConfig;
import dev.slipstream.gateway.config.ProviderConfig;
import dev.slipstream.gateway.config.PromptsConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;

/**
 * Gateways that serve prompt templates from a test's directory, with the shipped templates' model routes
 * ({@code execution-advisor}, {@code news-analyst}) pointing at a wire-format OpenAI fake.
 */
public final class PromptGateways {
    /** Tests run in the module directory; the shipped templates are in the sibling module. */
    public static final Path SHIPPED_TEMPLATES = Path.of("..", "prompt-templates", "templates");
    public static final String FAKE_MODEL = "gpt-fake";

    private PromptGateways() {}

    /** Copies the shipped templates into {@code directory}, which it returns. */
    public static Path copyShippedTemplates(Path directory) {
        try (Stream<Path> files = Files.walk(SHIPPED_TEMPLATES)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                final Path target = directory.resolve(SHIPPED_TEMPLATES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** A gateway with {@code prompts} and the templates' routes served by {@code fake}. */
    public static RunningGateway start(FakeOpenAi fake, PromptsConfig prompts) {
        return RunningGateway.start(config(fake, prompts));
    }

    /** The configuration of {@link #start(FakeOpenAi, PromptsConfig)}, for a test to add to. */
    public static GatewayConfig config(FakeOpenAi fake, PromptsConfig prompts) {
        final GatewayConfig embedded = EmbeddedConfig.create(Map.of());
        final ProviderConfig provider = new ProviderConfig("fake", "openai-compatible", fake.url("/v1"), "fake-key",
                                                           null, null, null, null);
        final List<ModelConfig> models = new ArrayList<>(embedded.models());
        models.add(new ModelConfig("execution-advisor", "fake", FAKE_MODEL, null));
        models.add(new ModelConfig("news-analyst", "fake", FAKE_MODEL, null));
        final List<ProviderConfig> providers = new ArrayList<>(embedded.providers());
        providers.add(provider);
        return embedded.withProviders(providers).withModels(models).withPrompts(prompts);
    }

    /** A gateway serving copies of the shipped templates from {@code directory}, without a file watch. */
    public static RunningGateway startWithShippedTemplates(FakeOpenAi fake, Path directory) {
        return start(fake, shippedTemplates(directory));
    }

    /** Copies of the shipped templates in {@code directory}, served without a file watch. */
    public static PromptsConfig shippedTemplates(Path directory) {
        return new PromptsConfig(copyShippedTemplates(directory).toString(), false, null, null, null, null);
    }
}
