package dev.slipstream.gateway.session;

import java.util.List;
import java.util.Map;

import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.CreateSessionRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.ContextStoreConfig;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.ModelConfig;
import dev.slipstream.gateway.config.ProviderConfig;
import dev.slipstream.gateway.config.SessionsConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * Gateways for the session tests: the embedded default plus a {@link FakeOpenAi} behind an
 * {@code openai-compatible} provider (model alias {@link #MODEL}, and {@link #SUMMARIZER} for the
 * summarize policy), and a second API key of another tenant.
 */
final class SessionGateways {
    static final String MODEL = "chat";
    static final String SUMMARIZER = "summarizer";
    /** A summarizer whose provider refuses every connection. */
    static final String BROKEN_SUMMARIZER = "broken-summarizer";
    static final String OTHER_TENANT_API_KEY = "other-tenant-key-0123456789";
    static final String SYSTEM_PROMPT = "You are a terse assistant.";

    private SessionGateways() {}

    /** The configuration; adjust it with its {@code with…} methods before starting. */
    static GatewayConfig config(FakeOpenAi fake, int contextWindowTokens, ContextStoreConfig store,
                                SessionsConfig sessions) {
        final GatewayConfig embedded = EmbeddedConfig.create(Map.of());
        final ProviderConfig provider =
                new ProviderConfig("fake", "openai-compatible", fake.url("/v1"), "fake-key", null, 10_000L, null, null);
        // Nothing listens on port 1 of the loopback interface.
        final ProviderConfig unreachable =
                new ProviderConfig("unreachable", "openai-compatible", "http://127.0.0.1:1/v1", null, null, null, null,
                                   null);
        return embedded.withProviders(List.of(embedded.providers().get(0), provider, unreachable))
                       .withModels(List.of(embedded.models().get(0),
                                           new ModelConfig(MODEL, "fake", "fake-model", contextWindowTokens),
                                           new ModelConfig(SUMMARIZER, "fake", "fake-summarizer", 100_000),
                                           new ModelConfig(BROKEN_SUMMARIZER, "unreachable", "m", 100_000)))
                       .withAuth(new AuthConfig(null, List.of(
                               ApiKeyConfig.ofKey(OTHER_TENANT_API_KEY, "tenant-b"))))
                       .withContextStore(store)
                       .withSessions(sessions);
    }

    static GatewayConfig config(FakeOpenAi fake, ContextStoreConfig store) {
        return config(fake, 100_000, store, SessionsConfig.DEFAULT);
    }

    static ContextStoreConfig redis(String uri, long commandTimeoutMs) {
        return new ContextStoreConfig(uri, commandTimeoutMs, null, null, null, null, null, null, null);
    }

    /** A session that starts with {@link #SYSTEM_PROMPT}; returns its id. */
    static String createSession(RunningGateway gateway) {
        return gateway.sessions()
                      .createSession(CreateSessionRequest.newBuilder()
                                                         .addMessages(message(Role.ROLE_SYSTEM, SYSTEM_PROMPT))
                                                         .build())
                      .getSession().getId();
    }

    static CompleteRequest turn(String sessionId, String userText) {
        return CompleteRequest.newBuilder()
                              .setModel(MODEL)
                              .setSessionId(sessionId)
                              .addMessages(message(Role.ROLE_USER, userText))
                              .build();
    }

    static Message message(Role role, String content) {
        return Message.newBuilder().setRole(role).setContent(content).build();
    }
}
