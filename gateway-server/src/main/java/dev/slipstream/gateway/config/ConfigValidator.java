package dev.slipstream.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.linecorp.armeria.common.annotation.Nullable;

/** Checks a parsed {@link GatewayConfig}; each problem names its path, the value and what was expected. */
public final class ConfigValidator {
    private static final Pattern PROVIDER_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    /** Redis refuses strings above 512 MiB. */
    private static final long MAX_STORED_BYTES = 512L * 1024 * 1024;
    private static final long MAX_TTL_MS = 365L * 24 * 60 * 60 * 1000;
    private static final Set<String> KINDS_NEEDING_URL = Set.of("openai-compatible", "azure-openai");
    private static final Set<String> KINDS_NEEDING_KEY =
            Set.of("openai", "azure-openai", "anthropic", "gemini", "mistral");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> SCOPES = List.of("chat", "sessions", "prompts", "admin");
    /** One request or token per microsecond, per key: far above any real limit. */
    private static final long MAX_PER_MINUTE = 60_000_000_000L;
    /** A billion dollars; keeps every sum of micro-dollars far from overflowing a long. */
    private static final long MAX_MICROS_USD = 1_000_000_000_000_000L;
    /** $1000 per million tokens: keeps tokens times price within a long for any real call. */
    private static final long MAX_PRICE = 1_000_000_000L;
    static final int MIN_API_KEY_CHARS = 16;
    /** The id of {@code auth.api_key}. */
    public static final String DEFAULT_KEY_ID = "default";

    private ConfigValidator() {}

    public static List<String> validate(GatewayConfig config) {
        final List<String> problems = new ArrayList<>();
        validateServer(config.server(), problems);
        validateLimits(config.limits(), problems);
        validateAuth(config.auth(), problems);
        final Set<String> providerNames = validateProviders(config.providers(), problems);
        final Set<String> aliases = validateModels(config.models(), providerNames, problems);
        validateRoutes(config.routes(), providerNames, aliases, problems);
        validateCache(config.cache(), problems);
        if (!config.defaultModel().isEmpty() && !aliases.contains(config.defaultModel())) {
            problems.add("default_model: '" + config.defaultModel() + "' (expected: one of the model aliases " +
                         aliases + ')');
        }
        validateContextStore(config.contextStore(), problems);
        validateSessions(config.sessions(), config.limits(), aliases, problems);
        validatePrompts(config.prompts(), problems);
        validateTenants(config.tenants(), problems);
        validatePricing(config.pricing(), problems);
        outputLimit(problems, "policy.estimated_output_tokens", config.policy().estimatedOutputTokens(),
                    config.limits());
        range(problems, "policy.usage_retention_days", config.policy().usageRetentionDays(), 1, 3660);
        return problems;
    }

    private static void validateAuth(AuthConfig auth, List<String> problems) {
        final Set<String> keys = new HashSet<>();
        final Set<String> ids = new HashSet<>();
        final String apiKey = auth.apiKey();
        if (apiKey != null) {
            keys.add(apiKey);
            ids.add(DEFAULT_KEY_ID);
            if (apiKey.length() < MIN_API_KEY_CHARS) {
                problems.add("auth.api_key: " + apiKey.length() + " characters (expected: at least " +
                             MIN_API_KEY_CHARS + ')');
            }
        }
        for (int i = 0; i < auth.apiKeys().size(); i++) {
            validateApiKey(auth.apiKeys().get(i), "auth.api_keys[" + i + ']', keys, ids, problems);
        }
    }

    /**
     * The problems of one key created at run time (AdminService, the keys command), each under
     * {@code path}; {@code existingIds} are the ids already taken.
     */
    public static List<String> validateApiKey(ApiKeyConfig key, String path, Set<String> existingIds) {
        final List<String> problems = new ArrayList<>();
        validateApiKey(key, path, new HashSet<>(), new HashSet<>(existingIds), problems);
        return problems;
    }

    private static void validateApiKey(ApiKeyConfig k, String path, Set<String> keys, Set<String> ids,
                                       List<String> problems) {
        if (k.id() != null && !KEY_ID.matcher(k.id()).matches()) {
            problems.add(path + ".id: '" + k.id() + "' (expected: letters, digits, '_', '.', ':', '-'; " +
                         "at most 64 characters)");
        } else if (k.id() != null && !ids.add(k.id())) {
            problems.add(path + ".id: '" + k.id() + "' is used by an earlier key (expected: unique)");
        }
        if (k.key() != null && k.keySha256() != null) {
            problems.add(path + ": both key and key_sha256 (expected: one of them)");
        } else if (k.keySha256() != null) {
            if (!SHA256_HEX.matcher(k.keySha256()).matches()) {
                problems.add(path + ".key_sha256: '" + k.keySha256() +
                             "' (expected: 64 lower-case hex digits, as printed by sha256sum)");
            } else if (!keys.add(k.keySha256())) {
                problems.add(path + ".key_sha256: the same as an earlier key (expected: unique)");
            }
        } else if (k.key() == null || k.key().length() < MIN_API_KEY_CHARS) {
            problems.add(path + ".key: " + (k.key() == null ? "missing" : k.key().length() + " characters") +
                         " (expected: at least " + MIN_API_KEY_CHARS + " characters)");
        } else if (!keys.add(k.key())) {
            problems.add(path + ".key: the same as an earlier key (expected: unique)");
        }
        if (k.tenant() == null || !TENANT.matcher(k.tenant()).matches()) {
            problems.add(path + ".tenant: " + quoted(k.tenant()) +
                         " (expected: letters, digits, '_', '.', ':', '-'; at most 128 characters)");
        }
        for (String scope : k.scopes()) {
            if (!SCOPES.contains(scope)) {
                problems.add(path + ".scopes: '" + scope + "' (expected one of: " + String.join(", ", SCOPES) +
                             ')');
            }
        }
        globs(problems, path + ".models", k.models());
        globs(problems, path + ".prompts", k.prompts());
        validateRateLimits(problems, path + ".limits", k.limits());
        validateBudget(problems, path + ".budget", k.budget());
        if (k.expiresAt() != null) {
            try {
                Instant.parse(k.expiresAt());
            } catch (DateTimeParseException e) {
                problems.add(path + ".expires_at: '" + k.expiresAt() +
                             "' (expected: an ISO-8601 instant such as 2027-01-31T00:00:00Z)");
            }
        }
    }

    private static void globs(List<String> problems, String path, List<String> globs) {
        if (globs.isEmpty()) {
            problems.add(path + ": empty (expected: at least one glob; '*' allows all)");
        }
        for (String glob : globs) {
            if (glob.isBlank()) {
                problems.add(path + ": '" + glob + "' (expected: a glob such as gpt-4o* or *)");
            }
        }
    }

    private static void validateRateLimits(List<String> problems, String path, RateLimitConfig limits) {
        range(problems, path + ".requests_per_minute", limits.requestsPerMinute(), 0, MAX_PER_MINUTE);
        range(problems, path + ".tokens_per_minute", limits.tokensPerMinute(), 0, MAX_PER_MINUTE);
        range(problems, path + ".burst_per_second", limits.burstPerSecond(), 0, MAX_PER_MINUTE);
    }

    private static void validateBudget(List<String> problems, String path, BudgetConfig budget) {
        range(problems, path + ".daily_micros_usd", budget.dailyMicrosUsd(), 0, MAX_MICROS_USD);
        range(problems, path + ".monthly_micros_usd", budget.monthlyMicrosUsd(), 0, MAX_MICROS_USD);
    }

    private static void validateTenants(List<TenantConfig> tenants, List<String> problems) {
        final Set<String> ids = new HashSet<>();
        for (int i = 0; i < tenants.size(); i++) {
            final TenantConfig t = tenants.get(i);
            final String path = "tenants[" + i + ']';
            if (t.id() == null || !TENANT.matcher(t.id()).matches()) {
                problems.add(path + ".id: " + quoted(t.id()) +
                             " (expected: letters, digits, '_', '.', ':', '-'; at most 128 characters)");
            } else if (!ids.add(t.id())) {
                problems.add(path + ".id: '" + t.id() + "' is used by an earlier tenant (expected: unique)");
            }
            validateRateLimits(problems, path + ".limits", t.limits());
            validateBudget(problems, path + ".budget", t.budget());
        }
    }

    private static void validatePricing(List<PriceConfig> pricing, List<String> problems) {
        final Set<String> models = new HashSet<>();
        for (int i = 0; i < pricing.size(); i++) {
            final PriceConfig p = pricing.get(i);
            final String path = "pricing[" + i + ']';
            if (p.model() == null || p.model().isBlank()) {
                problems.add(path + ".model: " + quoted(p.model()) +
                             " (expected: a model alias or provider/model)");
            } else if (!models.add(p.model())) {
                problems.add(path + ".model: '" + p.model() + "' is priced by an earlier entry (expected: unique)");
            }
            prices(problems, path, p.input(), p.cachedInput(), p.cacheWrite(), p.output());
            long previousThreshold = 0;
            for (int j = 0; j < p.tiers().size(); j++) {
                final PriceConfig.PriceTierConfig tier = p.tiers().get(j);
                final String tierPath = path + ".tiers[" + j + ']';
                if (tier.aboveInputTokens() == null) {
                    problems.add(tierPath + ".above_input_tokens: missing (expected: the input tokens above which " +
                                 "the tier applies)");
                    continue;
                }
                if (tier.aboveInputTokens() <= previousThreshold) {
                    problems.add(tierPath + ".above_input_tokens: " + tier.aboveInputTokens() + " (expected: > " +
                                 previousThreshold + ", ascending)");
                }
                previousThreshold = Math.max(previousThreshold, tier.aboveInputTokens());
                prices(problems, tierPath, tier.input(), tier.cachedInput(), tier.cacheWrite(), tier.output());
            }
        }
    }

    private static void prices(List<String> problems, String path, @Nullable Long input, @Nullable Long cachedInput,
                               @Nullable Long cacheWrite, @Nullable Long output) {
        price(problems, path + ".input", input);
        if (input != null) {
            price(problems, path + ".cached_input", cachedInput);
            price(problems, path + ".cache_write", cacheWrite);
        }
        price(problems, path + ".output", output);
    }

    private static void price(List<String> problems, String path, @Nullable Long microsUsdPerMillion) {
        if (microsUsdPerMillion == null) {
            problems.add(path + ": missing (expected: micro-dollars per million tokens, e.g. 2500000 for $2.50)");
        } else {
            range(problems, path, microsUsdPerMillion, 0, MAX_PRICE);
        }
    }

    private static void validateContextStore(ContextStoreConfig store, List<String> problems) {
        if (!ContextStoreConfig.MEMORY.equals(store.uri()) && redisUriProblem(store.uri())) {
            problems.add("context_store.uri: '" + store.uri() + "' (expected: memory or redis://host:port)");
        }
        range(problems, "context_store.command_timeout_ms", store.commandTimeoutMs(), 1, 60_000);
        range(problems, "context_store.max_ttl_ms", store.maxTtlMs(), 1, MAX_TTL_MS);
        range(problems, "context_store.default_ttl_ms", store.defaultTtlMs(), 1, MAX_TTL_MS);
        if (store.maxTtlMs() >= 1 && store.defaultTtlMs() > store.maxTtlMs()) {
            problems.add("context_store.default_ttl_ms: " + store.defaultTtlMs() +
                         " (expected: <= context_store.max_ttl_ms, " + store.maxTtlMs() + ')');
        }
        range(problems, "context_store.max_messages", store.maxMessages(), 1, 1_000_000);
        range(problems, "context_store.max_message_bytes", store.maxMessageBytes(), 1, MAX_STORED_BYTES);
        range(problems, "context_store.max_session_bytes", store.maxSessionBytes(), 1, MAX_STORED_BYTES);
        range(problems, "context_store.max_metadata_entries", store.maxMetadataEntries(), 0, 1_024);
        range(problems, "context_store.max_page_size", store.maxPageSize(), 1, 1_000);
    }

    private static void validateSessions(SessionsConfig sessions, LimitsConfig limits, Set<String> aliases,
                                         List<String> problems) {
        if (!SessionsConfig.POLICIES.contains(sessions.policy())) {
            problems.add("sessions.policy: '" + sessions.policy() + "' (expected one of: " +
                         String.join(", ", SessionsConfig.POLICIES) + ')');
        }
        final String summarizer = sessions.summarizerModel();
        if (summarizer == null && SessionsConfig.SUMMARIZE.equals(sessions.policy())) {
            problems.add("sessions.summarizer_model: missing (expected: a model alias; policy summarize needs it)");
        } else if (summarizer != null && !aliases.contains(summarizer)) {
            problems.add("sessions.summarizer_model: '" + summarizer + "' (expected: one of the model aliases " +
                         aliases + ')');
        }
        outputLimit(problems, "sessions.summary_max_tokens", sessions.summaryMaxTokens(), limits);
        outputLimit(problems, "sessions.reply_budget_tokens", sessions.replyBudgetTokens(), limits);
        range(problems, "sessions.margin_tokens", sessions.marginTokens(), 0, 1_000_000);
        range(problems, "sessions.default_context_window_tokens", sessions.defaultContextWindowTokens(), 1,
              100_000_000);
        range(problems, "sessions.max_append_retries", sessions.maxAppendRetries(), 0, 100);
    }

    /** Sent upstream as an output limit, which requests may not exceed either. */
    private static void outputLimit(List<String> problems, String path, int tokens, LimitsConfig limits) {
        range(problems, path, tokens, 1, 10_000_000);
        if (limits.maxOutputTokens() >= 1 && tokens > limits.maxOutputTokens()) {
            problems.add(path + ": " + tokens + " (expected: <= limits.max_output_tokens, " +
                         limits.maxOutputTokens() + ')');
        }
    }

    /** True unless {@code uri} is {@code redis://host:port}. */
    private static boolean redisUriProblem(String uri) {
        try {
            final URI parsed = new URI(uri);
            return !"redis".equals(parsed.getScheme()) || parsed.getHost() == null || parsed.getPort() < 0;
        } catch (URISyntaxException e) {
            return true;
        }
    }

    private static void validateServer(ServerConfig server, List<String> problems) {
        if (server.host().isBlank()) {
            problems.add("server.host: empty (expected: an address such as 0.0.0.0 or 127.0.0.1)");
        }
        range(problems, "server.port", server.port(), 0, 65_535);
        range(problems, "server.max_request_bytes", server.maxRequestBytes(), 1_024, 1L << 30);
        range(problems, "server.request_timeout_ms", server.requestTimeoutMs(), 1, 86_400_000);
        range(problems, "server.shutdown_grace_ms", server.shutdownGraceMs(), 0, 600_000);
        range(problems, "server.upstream_connection_pool_size", server.upstreamConnectionPoolSize(), 1, 100_000);
    }

    private static void validateLimits(LimitsConfig limits, List<String> problems) {
        range(problems, "limits.max_messages", limits.maxMessages(), 1, 100_000);
        range(problems, "limits.max_message_chars", limits.maxMessageChars(), 1, 100_000_000);
        range(problems, "limits.max_total_chars", limits.maxTotalChars(), 1, 100_000_000);
        range(problems, "limits.max_output_tokens", limits.maxOutputTokens(), 1, 10_000_000);
        range(problems, "limits.max_stop_sequences", limits.maxStopSequences(), 0, 64);
        range(problems, "limits.max_stop_sequence_chars", limits.maxStopSequenceChars(), 1, 4_096);
        range(problems, "limits.max_metadata_entries", limits.maxMetadataEntries(), 0, 1_024);
        range(problems, "limits.max_metadata_key_chars", limits.maxMetadataKeyChars(), 1, 4_096);
        range(problems, "limits.max_metadata_value_chars", limits.maxMetadataValueChars(), 1, 65_536);
        range(problems, "limits.max_request_id_chars", limits.maxRequestIdChars(), 1, 4_096);
        range(problems, "limits.max_model_chars", limits.maxModelChars(), 1, 4_096);
        if (limits.maxMessageChars() > limits.maxTotalChars()) {
            problems.add("limits.max_message_chars: " + limits.maxMessageChars() +
                         " (expected: <= limits.max_total_chars, " + limits.maxTotalChars() + ')');
        }
    }

    private static Set<String> validateProviders(List<ProviderConfig> providers, List<String> problems) {
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < providers.size(); i++) {
            final ProviderConfig p = providers.get(i);
            final String path = "providers[" + i + ']';
            if (p.name() == null || !PROVIDER_NAME.matcher(p.name()).matches()) {
                problems.add(path + ".name: " + quoted(p.name()) +
                             " (expected: lower-case letters, digits, '_', '.', '-'; at most 63 characters)");
            } else if (!names.add(p.name())) {
                problems.add(path + ".name: '" + p.name() + "' is used by an earlier provider (expected: unique)");
            }
            if (p.kind() == null || !ProviderConfig.KINDS.contains(p.kind())) {
                problems.add(path + ".kind: " + quoted(p.kind()) + " (expected one of: " +
                             String.join(", ", ProviderConfig.KINDS) + ')');
                continue;
            }
            if (p.baseUrl() != null) {
                final String urlProblem = httpUrlProblem(p.baseUrl());
                if (urlProblem != null) {
                    problems.add(path + ".base_url: '" + p.baseUrl() + "' " + urlProblem);
                }
            } else if (KINDS_NEEDING_URL.contains(p.kind())) {
                problems.add(path + ".base_url: missing (expected: the API root URL for kind " + p.kind() + ')');
            }
            if (KINDS_NEEDING_KEY.contains(p.kind()) && (p.apiKey() == null || p.apiKey().isBlank())) {
                problems.add(path + ".api_key: missing (expected: a key for kind " + p.kind() +
                             ", e.g. ${" + p.kind().toUpperCase().replace('-', '_') + "_API_KEY})");
            }
            if ("azure-openai".equals(p.kind()) && (p.apiVersion() == null || p.apiVersion().isBlank())) {
                problems.add(path + ".api_version: missing (expected: an Azure OpenAI api-version such as " +
                             "2024-10-21)");
            }
            range(problems, path + ".timeout_ms", p.timeoutMs(), 1, 3_600_000);
            range(problems, path + ".connect_timeout_ms", p.connectTimeoutMs(), 1, 600_000);
            range(problems, path + ".stream_idle_timeout_ms", p.streamIdleTimeoutMs(), 1, 3_600_000);
        }
        return names;
    }

    private static Set<String> validateModels(List<ModelConfig> models, Set<String> providerNames,
                                              List<String> problems) {
        final Set<String> aliases = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            final ModelConfig m = models.get(i);
            final String path = "models[" + i + ']';
            if (m.alias() == null || !ALIAS.matcher(m.alias()).matches()) {
                problems.add(path + ".alias: " + quoted(m.alias()) +
                             " (expected: letters, digits, '_', '.', ':', '-', no '/'; at most 128 characters)");
            } else if (!aliases.add(m.alias())) {
                problems.add(path + ".alias: '" + m.alias() + "' is used by an earlier model (expected: unique)");
            }
            if (m.provider() == null || !providerNames.contains(m.provider())) {
                problems.add(path + ".provider: " + quoted(m.provider()) + " (expected: one of the providers " +
                             providerNames + ')');
            }
            if (m.model() == null || m.model().isBlank()) {
                problems.add(path + ".model: " + quoted(m.model()) + " (expected: the provider's model name)");
            }
            range(problems, path + ".context_window_tokens", m.contextWindowTokens(), 0, 100_000_000);
        }
        return aliases;
    }

    private static void validatePrompts(PromptsConfig prompts, List<String> problems) {
        // Whether it exists is the loader's to say at start: the file system is not configuration.
        if (prompts.directory() != null && prompts.directory().isBlank()) {
            problems.add("prompts.directory: empty (expected: a template directory, or no directory key for " +
                         "the default)");
        }
        range(problems, "prompts.watch_debounce_ms", prompts.watchDebounceMs(), 0, 60_000);
        range(problems, "prompts.repair_attempts", prompts.repairAttempts(), 0, 3);
        range(problems, "prompts.advisor_timeout_ms", prompts.advisorTimeoutMs(), 1, 600_000);
        range(problems, "prompts.deadline_margin_ms", prompts.deadlineMarginMs(), 0, 60_000);
    }

    /** Adds each valid route alias to {@code aliases}: routes and models share one namespace. */
    private static void validateRoutes(List<RouteConfig> routes, Set<String> providerNames, Set<String> aliases,
                                       List<String> problems) {
        for (int i = 0; i < routes.size(); i++) {
            final RouteConfig r = routes.get(i);
            final String path = "routes[" + i + ']';
            if (r.alias() == null || !ALIAS.matcher(r.alias()).matches()) {
                problems.add(path + ".alias: " + quoted(r.alias()) +
                             " (expected: letters, digits, '_', '.', ':', '-', no '/'; at most 128 characters)");
            } else if (!aliases.add(r.alias())) {
                problems.add(path + ".alias: '" + r.alias() +
                             "' is used by a model or an earlier route (expected: unique)");
            }
            if (!RouteConfig.STRATEGIES.contains(r.strategy())) {
                problems.add(path + ".strategy: '" + r.strategy() + "' (expected one of: " +
                             String.join(", ", RouteConfig.STRATEGIES) + ')');
            }
            if (r.targets().isEmpty()) {
                problems.add(path + ".targets: empty (expected: at least one target)");
            }
            for (int t = 0; t < r.targets().size(); t++) {
                validateTarget(r.targets().get(t), path + ".targets[" + t + ']', providerNames, problems);
            }
        }
    }

    private static void validateTarget(TargetConfig t, String path, Set<String> providerNames,
                                       List<String> problems) {
        if (t.provider() == null || !providerNames.contains(t.provider())) {
            problems.add(path + ".provider: " + quoted(t.provider()) + " (expected: one of the providers " +
                         providerNames + ')');
        }
        if (t.model() == null || t.model().isBlank()) {
            problems.add(path + ".model: " + quoted(t.model()) + " (expected: the provider's model name)");
        }
        range(problems, path + ".weight", t.weight(), 1, 1_000_000);
        range(problems, path + ".timeout_ms", t.timeoutMs(), 0, 3_600_000);
        final RetryConfig retry = t.retry();
        range(problems, path + ".retry.max_attempts", retry.maxAttempts(), 1, 10);
        range(problems, path + ".retry.initial_backoff_ms", retry.initialBackoffMs(), 1, 60_000);
        range(problems, path + ".retry.max_backoff_ms", retry.maxBackoffMs(), 1, 600_000);
        range(problems, path + ".retry.max_retry_after_ms", retry.maxRetryAfterMs(), 0, 600_000);
        if (retry.maxBackoffMs() >= 1 && retry.initialBackoffMs() > retry.maxBackoffMs()) {
            problems.add(path + ".retry.initial_backoff_ms: " + retry.initialBackoffMs() + " (expected: <= " +
                         path + ".retry.max_backoff_ms, " + retry.maxBackoffMs() + ')');
        }
        final BreakerConfig breaker = t.breaker();
        range(problems, path + ".breaker.failure_rate_threshold", breaker.failureRateThreshold(), 1, 100);
        range(problems, path + ".breaker.slow_call_duration_ms", breaker.slowCallDurationMs(), 1, 3_600_000);
        range(problems, path + ".breaker.slow_call_rate_threshold", breaker.slowCallRateThreshold(), 1, 100);
        range(problems, path + ".breaker.sliding_window_size", breaker.slidingWindowSize(), 1, 10_000);
        range(problems, path + ".breaker.minimum_calls", breaker.minimumCalls(), 1, 10_000);
        range(problems, path + ".breaker.wait_in_open_ms", breaker.waitInOpenMs(), 1, 3_600_000);
        range(problems, path + ".breaker.half_open_calls", breaker.halfOpenCalls(), 1, 1_000);
        if (breaker.slidingWindowSize() >= 1 && breaker.minimumCalls() > breaker.slidingWindowSize()) {
            problems.add(path + ".breaker.minimum_calls: " + breaker.minimumCalls() + " (expected: <= " + path +
                         ".breaker.sliding_window_size, " + breaker.slidingWindowSize() + ')');
        }
        range(problems, path + ".bulkhead.max_concurrent", t.bulkhead().maxConcurrent(), 1, 100_000);
    }

    private static void validateCache(CacheConfig cache, List<String> problems) {
        range(problems, "cache.max_entries", cache.maxEntries(), 1, 100_000_000);
        range(problems, "cache.ttl_ms", cache.ttlMs(), 1, 604_800_000);
    }

    @Nullable
    private static String httpUrlProblem(String url) {
        try {
            final URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                return "(expected: an http or https URL)";
            }
            if (uri.getHost() == null) {
                return "(expected: a URL with a host)";
            }
            return null;
        } catch (URISyntaxException e) {
            return "(expected: a URL; " + e.getReason() + ')';
        }
    }

    private static void range(List<String> problems, String path, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(path + ": " + value + " (expected: " + min + " to " + max + ')');
        }
    }

    private static String quoted(@Nullable String value) {
        return value == null ? "missing" : '\'' + value + '\'';
    }
}
