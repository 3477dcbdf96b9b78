package dev.slipstream.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rejected value: a valid configuration with one section replaced, and the one problem it
 * must produce, worded "path: value (expected: ...)".
 */
class ConfigValidatorTest {
    private static final String LOCAL = "{name: local, kind: local}";
    private static final Map<String, String> VALID = Map.of(
            "providers", '[' + LOCAL + ']',
            "models", "[{alias: local, provider: local, model: slipstream-local}]");
    private static final String SHA256 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String TARGET = "{provider: local, model: m}";
    private static final String KINDS =
            "(expected one of: local, openai, openai-compatible, azure-openai, anthropic, gemini, mistral, ollama)";

    @Test
    void theBaseOfEveryRowIsValid() {
        assertThat(new ConfigLoader(Map.of()).parse("valid.yaml", yaml(Map.of())).providers()).hasSize(1);
    }

    static Stream<Arguments> rejectedValues() {
        return Stream.of(
                // server
                row("upstream_connection_pool_size 0", "server", "{upstream_connection_pool_size: 0}",
                    "server.upstream_connection_pool_size: 0 (expected: 1 to 100000)"),
                row("port above 65535", "server", "{port: 70000}", "server.port: 70000 (expected: 0 to 65535)"),
                row("negative port", "server", "{port: -1}", "server.port: -1 (expected: 0 to 65535)"),
                row("empty host", "server", "{host: ''}",
                    "server.host: empty (expected: an address such as 0.0.0.0 or 127.0.0.1)"),
                row("max_request_bytes below 1 KiB", "server", "{max_request_bytes: 1000}",
                    "server.max_request_bytes: 1000 (expected: 1024 to 1073741824)"),
                row("request_timeout_ms 0", "server", "{request_timeout_ms: 0}",
                    "server.request_timeout_ms: 0 (expected: 1 to 86400000)"),
                row("negative shutdown_grace_ms", "server", "{shutdown_grace_ms: -1}",
                    "server.shutdown_grace_ms: -1 (expected: 0 to 600000)"),
                // limits
                row("max_messages 0", "limits", "{max_messages: 0}",
                    "limits.max_messages: 0 (expected: 1 to 100000)"),
                row("max_message_chars above max_total_chars", "limits",
                    "{max_message_chars: 2000, max_total_chars: 1000}",
                    "limits.max_message_chars: 2000 (expected: <= limits.max_total_chars, 1000)"),
                row("max_output_tokens 0", "limits", "{max_output_tokens: 0}",
                    "limits.max_output_tokens: 0 (expected: 1 to 10000000)"),
                row("max_stop_sequences above 64", "limits", "{max_stop_sequences: 65}",
                    "limits.max_stop_sequences: 65 (expected: 0 to 64)"),
                row("max_request_id_chars 0", "limits", "{max_request_id_chars: 0}",
                    "limits.max_request_id_chars: 0 (expected: 1 to 4096)"),
                // auth
                row("short auth.api_key", "auth", "{api_key: too-short}",
                    "auth.api_key: 9 characters (expected: at least 16)"),
                row("short key in auth.api_keys", "auth", "{api_keys: [{key: too-short, tenant: b}]}",
                    "auth.api_keys[0].key: 9 characters (expected: at least 16 characters)"),
                row("auth.api_keys entry without a key", "auth", "{api_keys: [{tenant: b}]}",
                    "auth.api_keys[0].key: missing (expected: at least 16 characters)"),
                row("auth.api_keys repeating auth.api_key", "auth",
                    "{api_key: key-a-0123456789, api_keys: [{key: key-a-0123456789, tenant: b}]}",
                    "auth.api_keys[0].key: the same as an earlier key (expected: unique)"),
                row("tenant with a space", "auth", "{api_keys: [{key: key-b-0123456789, tenant: 'team b'}]}",
                    "auth.api_keys[0].tenant: 'team b' (expected: letters, digits, '_', '.', ':', '-'; " +
                    "at most 128 characters)"),
                row("auth.api_keys entry without a tenant", "auth", "{api_keys: [{key: key-b-0123456789}]}",
                    "auth.api_keys[0].tenant: missing (expected: letters, digits, '_', '.', ':', '-'; " +
                    "at most 128 characters)"),
                row("api key id with a space", "auth", "{api_keys: [{id: 'desk a', key: key-b-0123456789, tenant: b}]}",
                    "auth.api_keys[0].id: 'desk a' (expected: letters, digits, '_', '.', ':', '-'; " +
                    "at most 64 characters)"),
                row("api key id used twice", "auth",
                    "{api_keys: [{id: a, key: key-b-0123456789, tenant: b}, " +
                    "{id: a, key: key-c-0123456789, tenant: b}]}",
                    "auth.api_keys[1].id: 'a' is used by an earlier key (expected: unique)"),
                row("api key id 'default', the shared key's", "auth",
                    "{api_key: key-a-0123456789, api_keys: [{id: default, key: key-b-0123456789, tenant: b}]}",
                    "auth.api_keys[0].id: 'default' is used by an earlier key (expected: unique)"),
                row("both key and key_sha256", "auth",
                    "{api_keys: [{key: key-b-0123456789, key_sha256: " + SHA256 + ", tenant: b}]}",
                    "auth.api_keys[0]: both key and key_sha256 (expected: one of them)"),
                row("key_sha256 in upper case", "auth",
                    "{api_keys: [{key_sha256: " + SHA256.toUpperCase() + ", tenant: b}]}",
                    "auth.api_keys[0].key_sha256: '" + SHA256.toUpperCase() + "' (expected: 64 lower-case hex " +
                    "digits, as printed by sha256sum)"),
                row("key_sha256 used twice", "auth",
                    "{api_keys: [{key_sha256: " + SHA256 + ", tenant: b}, {key_sha256: " + SHA256 + ", tenant: c}]}",
                    "auth.api_keys[1].key_sha256: the same as an earlier key (expected: unique)"),
                row("unknown scope", "auth", "{api_keys: [{key: key-b-0123456789, tenant: b, scopes: [chat, write]}]}",
                    "auth.api_keys[0].scopes: 'write' (expected one of: chat, sessions, prompts, admin)"),
                row("no model globs", "auth", "{api_keys: [{key: key-b-0123456789, tenant: b, models: []}]}",
                    "auth.api_keys[0].models: empty (expected: at least one glob; '*' allows all)"),
                row("blank prompt glob", "auth", "{api_keys: [{key: key-b-0123456789, tenant: b, prompts: ['']}]}",
                    "auth.api_keys[0].prompts: '' (expected: a glob such as gpt-4o* or *)"),
                row("negative requests_per_minute", "auth",
                    "{api_keys: [{key: key-b-0123456789, tenant: b, limits: {requests_per_minute: -1}}]}",
                    "auth.api_keys[0].limits.requests_per_minute: -1 (expected: 0 to 60000000000)"),
                row("negative tokens_per_minute", "auth",
                    "{api_keys: [{key: key-b-0123456789, tenant: b, limits: {tokens_per_minute: -5}}]}",
                    "auth.api_keys[0].limits.tokens_per_minute: -5 (expected: 0 to 60000000000)"),
                row("negative burst_per_second", "auth",
                    "{api_keys: [{key: key-b-0123456789, tenant: b, limits: {burst_per_second: -2}}]}",
                    "auth.api_keys[0].limits.burst_per_second: -2 (expected: 0 to 60000000000)"),
                row("negative daily budget", "auth",
                    "{api_keys: [{key: key-b-0123456789, tenant: b, budget: {daily_micros_usd: -1}}]}",
                    "auth.api_keys[0].budget.daily_micros_usd: -1 (expected: 0 to 1000000000000000)"),
                row("monthly budget above a billion dollars", "auth",
                    "{api_keys: [{key: key-b-0123456789, tenant: b, budget: {monthly_micros_usd: 1000000000000001}}]}",
                    "auth.api_keys[0].budget.monthly_micros_usd: 1000000000000001 (expected: 0 to " +
                    "1000000000000000)"),
                row("expires_at without a time", "auth",
                    "{api_keys: [{key: key-b-0123456789, tenant: b, expires_at: '2027-01-31'}]}",
                    "auth.api_keys[0].expires_at: '2027-01-31' (expected: an ISO-8601 instant such as " +
                    "2027-01-31T00:00:00Z)"),
                // tenants
                row("tenant id with a space", "tenants", "[{id: 'team b'}]",
                    "tenants[0].id: 'team b' (expected: letters, digits, '_', '.', ':', '-'; at most 128 characters)"),
                row("tenant without an id", "tenants", "[{limits: {requests_per_minute: 5}}]",
                    "tenants[0].id: missing (expected: letters, digits, '_', '.', ':', '-'; at most 128 characters)"),
                row("tenant listed twice", "tenants", "[{id: b}, {id: b}]",
                    "tenants[1].id: 'b' is used by an earlier tenant (expected: unique)"),
                row("tenant with negative tokens_per_minute", "tenants", "[{id: b, limits: {tokens_per_minute: -1}}]",
                    "tenants[0].limits.tokens_per_minute: -1 (expected: 0 to 60000000000)"),
                row("tenant with negative monthly budget", "tenants", "[{id: b, budget: {monthly_micros_usd: -1}}]",
                    "tenants[0].budget.monthly_micros_usd: -1 (expected: 0 to 1000000000000000)"),
                // pricing
                row("price without a model", "pricing", "[{input: 1, output: 1}]",
                    "pricing[0].model: missing (expected: a model alias or provider/model)"),
                row("model priced twice", "pricing",
                    "[{model: local, input: 1, output: 1}, {model: local, input: 2, output: 2}]",
                    "pricing[1].model: 'local' is priced by an earlier entry (expected: unique)"),
                row("price without an output price", "pricing", "[{model: local, input: 1}]",
                    "pricing[0].output: missing (expected: micro-dollars per million tokens, e.g. 2500000 for $2.50)"),
                row("tier without a threshold", "pricing",
                    "[{model: local, input: 1, output: 1, tiers: [{input: 2, output: 2}]}]",
                    "pricing[0].tiers[0].above_input_tokens: missing (expected: the input tokens above which the " +
                    "tier applies)"),
                row("negative input price", "pricing",
                    "[{model: local, input: -1, cached_input: 1, cache_write: 1, output: 1}]",
                    "pricing[0].input: -1 (expected: 0 to 1000000000)"),
                row("negative cached_input price", "pricing", "[{model: local, input: 1, cached_input: -1, output: 1}]",
                    "pricing[0].cached_input: -1 (expected: 0 to 1000000000)"),
                row("negative cache_write price", "pricing", "[{model: local, input: 1, cache_write: -1, output: 1}]",
                    "pricing[0].cache_write: -1 (expected: 0 to 1000000000)"),
                row("output price above $1000 per million", "pricing", "[{model: local, input: 1, output: 1000000001}]",
                    "pricing[0].output: 1000000001 (expected: 0 to 1000000000)"),
                row("tiers not ascending", "pricing",
                    "[{model: local, input: 1, output: 1, tiers: [{above_input_tokens: 200, input: 2, output: 2}, " +
                    "{above_input_tokens: 100, input: 3, output: 3}]}]",
                    "pricing[0].tiers[1].above_input_tokens: 100 (expected: > 200, ascending)"),
                row("negative tier price", "pricing",
                    "[{model: local, input: 1, output: 1, tiers: [{above_input_tokens: 100, input: -2, cached_input: 2, " +
                    "cache_write: 2, output: 2}]}]",
                    "pricing[0].tiers[0].input: -2 (expected: 0 to 1000000000)"),
                // policy
                row("estimated_output_tokens 0", "policy", "{estimated_output_tokens: 0}",
                    "policy.estimated_output_tokens: 0 (expected: 1 to 10000000)"),
                row("estimated_output_tokens above max_output_tokens", "policy", "{estimated_output_tokens: 70000}",
                    "policy.estimated_output_tokens: 70000 (expected: <= limits.max_output_tokens, 65536)"),
                row("usage_retention_days 0", "policy", "{usage_retention_days: 0}",
                    "policy.usage_retention_days: 0 (expected: 1 to 3660)"),
                row("usage_retention_days above ten years", "policy", "{usage_retention_days: 3661}",
                    "policy.usage_retention_days: 3661 (expected: 1 to 3660)"),
                // context_store
                row("context_store.uri neither memory nor redis", "context_store", "{uri: 'mysql://db:3306'}",
                    "context_store.uri: 'mysql://db:3306' (expected: memory or redis://host:port)"),
                row("redis uri without a port", "context_store", "{uri: 'redis://localhost'}",
                    "context_store.uri: 'redis://localhost' (expected: memory or redis://host:port)"),
                row("command_timeout_ms 0", "context_store", "{command_timeout_ms: 0}",
                    "context_store.command_timeout_ms: 0 (expected: 1 to 60000)"),
                row("default_ttl_ms above max_ttl_ms", "context_store", "{default_ttl_ms: 2000, max_ttl_ms: 1000}",
                    "context_store.default_ttl_ms: 2000 (expected: <= context_store.max_ttl_ms, 1000)"),
                row("max_ttl_ms 0", "context_store", "{max_ttl_ms: 0, default_ttl_ms: 1}",
                    "context_store.max_ttl_ms: 0 (expected: 1 to 31536000000)"),
                row("context_store.max_messages 0", "context_store", "{max_messages: 0}",
                    "context_store.max_messages: 0 (expected: 1 to 1000000)"),
                row("max_message_bytes 0", "context_store", "{max_message_bytes: 0}",
                    "context_store.max_message_bytes: 0 (expected: 1 to 536870912)"),
                row("max_session_bytes above 512 MiB", "context_store", "{max_session_bytes: 536870913}",
                    "context_store.max_session_bytes: 536870913 (expected: 1 to 536870912)"),
                row("negative max_metadata_entries", "context_store", "{max_metadata_entries: -1}",
                    "context_store.max_metadata_entries: -1 (expected: 0 to 1024)"),
                row("max_page_size 0", "context_store", "{max_page_size: 0}",
                    "context_store.max_page_size: 0 (expected: 1 to 1000)"),
                // sessions
                row("unknown windowing policy", "sessions", "{policy: drop_newest}",
                    "sessions.policy: 'drop_newest' (expected one of: truncate_oldest, summarize)"),
                row("summarize without summarizer_model", "sessions", "{policy: summarize}",
                    "sessions.summarizer_model: missing (expected: a model alias; policy summarize needs it)"),
                row("summarizer_model that is not an alias", "sessions", "{policy: summarize, summarizer_model: big}",
                    "sessions.summarizer_model: 'big' (expected: one of the model aliases [local])"),
                row("summary_max_tokens 0", "sessions", "{summary_max_tokens: 0}",
                    "sessions.summary_max_tokens: 0 (expected: 1 to 10000000)"),
                row("reply_budget_tokens above limits.max_output_tokens", "sessions", "{reply_budget_tokens: 65537}",
                    "sessions.reply_budget_tokens: 65537 (expected: <= limits.max_output_tokens, 65536)"),
                row("negative margin_tokens", "sessions", "{margin_tokens: -1}",
                    "sessions.margin_tokens: -1 (expected: 0 to 1000000)"),
                row("default_context_window_tokens 0", "sessions", "{default_context_window_tokens: 0}",
                    "sessions.default_context_window_tokens: 0 (expected: 1 to 100000000)"),
                row("max_append_retries above 100", "sessions", "{max_append_retries: 101}",
                    "sessions.max_append_retries: 101 (expected: 0 to 100)"),
                // providers
                row("unknown provider kind", "providers", providers("{name: x, kind: openia}"),
                    "providers[1].kind: 'openia' " + KINDS),
                row("missing provider kind", "providers", providers("{name: x}"),
                    "providers[1].kind: missing " + KINDS),
                row("duplicate provider name", "providers", providers(LOCAL),
                    "providers[1].name: 'local' is used by an earlier provider (expected: unique)"),
                row("upper-case provider name", "providers", providers("{name: OpenAI, kind: local}"),
                    "providers[1].name: 'OpenAI' (expected: lower-case letters, digits, '_', '.', '-'; " +
                    "at most 63 characters)"),
                row("missing provider name", "providers", providers("{kind: local}"),
                    "providers[1].name: missing (expected: lower-case letters, digits, '_', '.', '-'; " +
                    "at most 63 characters)"),
                row("openai-compatible without base_url", "providers",
                    providers("{name: vllm, kind: openai-compatible}"),
                    "providers[1].base_url: missing (expected: the API root URL for kind openai-compatible)"),
                row("azure-openai without base_url", "providers",
                    providers("{name: azure, kind: azure-openai, api_key: k, api_version: 2024-10-21}"),
                    "providers[1].base_url: missing (expected: the API root URL for kind azure-openai)"),
                row("base_url with an ftp scheme", "providers",
                    providers("{name: vllm, kind: openai-compatible, base_url: 'ftp://models.example.com'}"),
                    "providers[1].base_url: 'ftp://models.example.com' (expected: an http or https URL)"),
                row("base_url without a host", "providers",
                    providers("{name: vllm, kind: openai-compatible, base_url: 'http:///v1'}"),
                    "providers[1].base_url: 'http:///v1' (expected: a URL with a host)"),
                row("base_url that is not a URL", "providers",
                    providers("{name: vllm, kind: openai-compatible, base_url: 'http://gpu 1/v1'}"),
                    "providers[1].base_url: 'http://gpu 1/v1' (expected: a URL; Illegal character in authority)"),
                row("openai without api_key", "providers", providers("{name: openai, kind: openai}"),
                    "providers[1].api_key: missing (expected: a key for kind openai, e.g. ${OPENAI_API_KEY})"),
                row("anthropic with a blank api_key", "providers",
                    providers("{name: anthropic, kind: anthropic, api_key: ' '}"),
                    "providers[1].api_key: missing (expected: a key for kind anthropic, " +
                    "e.g. ${ANTHROPIC_API_KEY})"),
                row("azure-openai without api_version", "providers",
                    providers("{name: azure, kind: azure-openai, base_url: 'https://x.openai.azure.com', api_key: k}"),
                    "providers[1].api_version: missing (expected: an Azure OpenAI api-version such as 2024-10-21)"),
                row("timeout_ms 0", "providers", "[{name: local, kind: local, timeout_ms: 0}]",
                    "providers[0].timeout_ms: 0 (expected: 1 to 3600000)"),
                row("stream_idle_timeout_ms of zero", "providers",
                    "[{name: local, kind: local, stream_idle_timeout_ms: 0}]",
                    "providers[0].stream_idle_timeout_ms: 0 (expected: 1 to 3600000)"),
                row("connect_timeout_ms above 10 minutes", "providers",
                    "[{name: local, kind: local, connect_timeout_ms: 600001}]",
                    "providers[0].connect_timeout_ms: 600001 (expected: 1 to 600000)"),
                // models
                row("model with an unknown provider", "models", models("{alias: gpt, provider: openai, model: gpt-4o}"),
                    "models[1].provider: 'openai' (expected: one of the providers [local])"),
                row("duplicate alias", "models", models("{alias: local, provider: local, model: other}"),
                    "models[1].alias: 'local' is used by an earlier model (expected: unique)"),
                row("alias containing '/'", "models", models("{alias: local/fast, provider: local, model: m}"),
                    "models[1].alias: 'local/fast' (expected: letters, digits, '_', '.', ':', '-', no '/'; " +
                    "at most 128 characters)"),
                row("model without a model name", "models", models("{alias: fast, provider: local}"),
                    "models[1].model: missing (expected: the provider's model name)"),
                row("negative context_window_tokens", "models",
                    models("{alias: fast, provider: local, model: m, context_window_tokens: -1}"),
                    "models[1].context_window_tokens: -1 (expected: 0 to 100000000)"),
                row("default_model that is not an alias", "default_model", "fast",
                    "default_model: 'fast' (expected: one of the model aliases [local])"),
                // prompts
                row("blank prompts.directory", "prompts", "{directory: ' '}",
                    "prompts.directory: empty (expected: a template directory, or no directory key for the " +
                    "default)"),
                row("negative watch_debounce_ms", "prompts", "{watch_debounce_ms: -1}",
                    "prompts.watch_debounce_ms: -1 (expected: 0 to 60000)"),
                row("repair_attempts above 3", "prompts", "{repair_attempts: 4}",
                    "prompts.repair_attempts: 4 (expected: 0 to 3)"),
                row("advisor_timeout_ms 0", "prompts", "{advisor_timeout_ms: 0}",
                    "prompts.advisor_timeout_ms: 0 (expected: 1 to 600000)"),
                row("deadline_margin_ms above a minute", "prompts", "{deadline_margin_ms: 60001}",
                    "prompts.deadline_margin_ms: 60001 (expected: 0 to 60000)"),
                // routes
                row("route alias taken by a model", "routes", "[{alias: local, targets: [" + TARGET + "]}]",
                    "routes[0].alias: 'local' is used by a model or an earlier route (expected: unique)"),
                row("route alias containing '/'", "routes", "[{alias: a/b, targets: [" + TARGET + "]}]",
                    "routes[0].alias: 'a/b' (expected: letters, digits, '_', '.', ':', '-', no '/'; " +
                    "at most 128 characters)"),
                row("unknown strategy", "routes", "[{alias: r, strategy: random, targets: [" + TARGET + "]}]",
                    "routes[0].strategy: 'random' (expected one of: fallback, weighted, least-latency)"),
                row("route without targets", "routes", "[{alias: r, targets: []}]",
                    "routes[0].targets: empty (expected: at least one target)"),
                row("target with an unknown provider", "routes",
                    "[{alias: r, targets: [{provider: openai, model: m}]}]",
                    "routes[0].targets[0].provider: 'openai' (expected: one of the providers [local])"),
                row("target without a model", "routes", "[{alias: r, targets: [{provider: local}]}]",
                    "routes[0].targets[0].model: missing (expected: the provider's model name)"),
                target("weight 0", "weight: 0", "weight: 0 (expected: 1 to 1000000)"),
                target("negative timeout_ms", "timeout_ms: -1", "timeout_ms: -1 (expected: 0 to 3600000)"),
                target("retry.max_attempts 0", "retry: {max_attempts: 0}",
                       "retry.max_attempts: 0 (expected: 1 to 10)"),
                target("retry.initial_backoff_ms 0", "retry: {initial_backoff_ms: 0}",
                       "retry.initial_backoff_ms: 0 (expected: 1 to 60000)"),
                target("retry.max_backoff_ms above 10 minutes", "retry: {max_backoff_ms: 600001}",
                       "retry.max_backoff_ms: 600001 (expected: 1 to 600000)"),
                target("retry.initial_backoff_ms above max_backoff_ms",
                       "retry: {initial_backoff_ms: 500, max_backoff_ms: 400}",
                       "retry.initial_backoff_ms: 500 (expected: <= routes[0].targets[0].retry.max_backoff_ms, 400)"),
                target("negative retry.max_retry_after_ms", "retry: {max_retry_after_ms: -1}",
                       "retry.max_retry_after_ms: -1 (expected: 0 to 600000)"),
                target("breaker.failure_rate_threshold above 100", "breaker: {failure_rate_threshold: 101}",
                       "breaker.failure_rate_threshold: 101 (expected: 1 to 100)"),
                target("breaker.slow_call_duration_ms 0", "breaker: {slow_call_duration_ms: 0}",
                       "breaker.slow_call_duration_ms: 0 (expected: 1 to 3600000)"),
                target("breaker.slow_call_rate_threshold 0", "breaker: {slow_call_rate_threshold: 0}",
                       "breaker.slow_call_rate_threshold: 0 (expected: 1 to 100)"),
                target("breaker.sliding_window_size 0", "breaker: {sliding_window_size: 0}",
                       "breaker.sliding_window_size: 0 (expected: 1 to 10000)"),
                target("breaker.minimum_calls 0", "breaker: {minimum_calls: 0}",
                       "breaker.minimum_calls: 0 (expected: 1 to 10000)"),
                target("breaker.minimum_calls above sliding_window_size",
                       "breaker: {sliding_window_size: 5, minimum_calls: 6}",
                       "breaker.minimum_calls: 6 (expected: <= routes[0].targets[0].breaker.sliding_window_size, 5)"),
                target("breaker.wait_in_open_ms 0", "breaker: {wait_in_open_ms: 0}",
                       "breaker.wait_in_open_ms: 0 (expected: 1 to 3600000)"),
                target("breaker.half_open_calls 0", "breaker: {half_open_calls: 0}",
                       "breaker.half_open_calls: 0 (expected: 1 to 1000)"),
                target("bulkhead.max_concurrent 0", "bulkhead: {max_concurrent: 0}",
                       "bulkhead.max_concurrent: 0 (expected: 1 to 100000)"),
                // cache
                row("cache.max_entries 0", "cache", "{enabled: true, max_entries: 0}",
                    "cache.max_entries: 0 (expected: 1 to 100000000)"),
                row("cache.ttl_ms 0", "cache", "{enabled: true, ttl_ms: 0}",
                    "cache.ttl_ms: 0 (expected: 1 to 604800000)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedValues")
    void rejects(String yaml, String problem) {
        final ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> new ConfigLoader(Map.of()).parse("slipstream.yaml", yaml));

        assertThat(e).as("rejected").isNotNull();
        assertThat(e.problems()).containsExactly(problem);
    }

    /** A route of one valid target with {@code setting} added to it; the problem is about that target. */
    private static Arguments target(String rejected, String setting, String problem) {
        return row(rejected, "routes", "[{alias: r, targets: [{provider: local, model: m, " + setting + "}]}]",
                   "routes[0].targets[0]." + problem);
    }

    private static Arguments row(String rejected, String section, String value, String problem) {
        return Arguments.of(Named.of(rejected, yaml(Map.of(section, value))), problem);
    }

    /** The valid base with {@code replaced} sections, one {@code key: value} line each. */
    private static String yaml(Map<String, String> replaced) {
        final Map<String, String> sections = new LinkedHashMap<>(VALID);
        sections.putAll(replaced);
        final StringBuilder yaml = new StringBuilder();
        sections.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        return yaml.toString();
    }

    /** The valid {@code local} provider, then {@code extra}. */
    private static String providers(String extra) {
        return '[' + LOCAL + ", " + extra + ']';
    }

    /** The valid {@code local} model, then {@code extra}. */
    private static String models(String extra) {
        return "[{alias: local, provider: local, model: slipstream-local}, " + extra + ']';
    }
}
