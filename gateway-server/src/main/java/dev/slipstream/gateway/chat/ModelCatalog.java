package dev.slipstream.gateway.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.config.ModelConfig;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.provider.ChatProvider;

/** Resolves the model a request names: a configured alias, or {@code provider/model} directly. */
public final class ModelCatalog {
    private final Map<String, ChatProvider> providers;
    private final Map<String, ResolvedModel> aliases;
    private final String defaultAlias;

    public ModelCatalog(Map<String, ChatProvider> providersByName, List<ModelConfig> models, String defaultAlias) {
        providers = Map.copyOf(providersByName);
        final Map<String, ResolvedModel> byAlias = new LinkedHashMap<>();
        for (ModelConfig model : models) {
            final ChatProvider provider = providers.get(model.provider());
            if (provider == null) {
                throw new IllegalArgumentException("model " + model.alias() + ": unknown provider " +
                                                   model.provider());
            }
            byAlias.put(model.alias(),
                        new ResolvedModel(model.alias(), provider, model.model(), model.contextWindowTokens()));
        }
        aliases = byAlias;
        this.defaultAlias = defaultAlias;
    }

    public ResolvedModel resolve(String model) {
        final ResolvedModel resolved = resolveOrNull(model);
        if (resolved != null) {
            return resolved;
        }
        throw GatewayException.of(ErrorReason.MODEL_NOT_FOUND,
                                  "model '" + model + "' not found (expected: one of the aliases " +
                                  aliases.keySet() + ", or 'provider/model' with a provider of " +
                                  providers.keySet().stream().sorted().toList() + ')');
    }

    /** Whether {@code model} names a configured alias or {@code provider/model} of a configured provider. */
    public boolean serves(String model) {
        return resolveOrNull(model) != null;
    }

    @Nullable
    private ResolvedModel resolveOrNull(String model) {
        final ResolvedModel alias = aliases.get(model);
        if (alias != null) {
            return alias;
        }
        final int slash = model.indexOf('/');
        if (slash > 0 && slash < model.length() - 1) {
            final ChatProvider provider = providers.get(model.substring(0, slash));
            if (provider != null) {
                return new ResolvedModel(model, provider, model.substring(slash + 1), 0);
            }
        }
        return null;
    }

    /** The configured aliases, in configuration order. */
    public List<ResolvedModel> aliases() {
        return List.copyOf(aliases.values());
    }

    public String defaultAlias() {
        return defaultAlias;
    }
}
