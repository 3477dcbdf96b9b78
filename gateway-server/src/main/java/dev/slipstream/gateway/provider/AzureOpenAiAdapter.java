package dev.slipstream.gateway.provider;

import java.util.Map;
import java.util.concurrent.Executor;

import dev.slipstream.gateway.config.ProviderConfig;

/**
 * Azure OpenAI: the OpenAI wire format at {@code {base_url}/openai/deployments/{deployment}}, with the key
 * in an {@code api-key} header and an {@code api-version} query parameter. The model name in
 * {@code provider/model} is the deployment name.
 */
final class AzureOpenAiAdapter {
    private AzureOpenAiAdapter() {}

    static LangChainModelFactory of(ProviderConfig config, Executor executor) {
        final String root = stripTrailingSlash(config.baseUrl());
        return new OpenAiAdapter(config, executor, deployment -> root + "/openai/deployments/" + deployment,
                                 null, Map.of("api-key", config.apiKey()),
                                 Map.of("api-version", config.apiVersion()));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
