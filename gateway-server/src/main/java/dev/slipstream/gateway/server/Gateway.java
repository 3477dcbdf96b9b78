package dev.slipstream.gateway.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.common.metric.MeterIdPrefixFunction;
import com.linecorp.armeria.server.docs.DocService;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.healthcheck.HealthCheckService;
import com.linecorp.armeria.server.metric.MetricCollectingService;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.context.ContextStore;
import dev.slipstream.gateway.admin.AdminGrpcService;
import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.auth.ApiKeys;
import dev.slipstream.gateway.auth.KeyRegistry;
import dev.slipstream.gateway.auth.RedisStoredKeys;
import dev.slipstream.gateway.auth.Scope;
import dev.slipstream.gateway.auth.StoredKeys;
import dev.slipstream.gateway.cache.ResponseCache;
import dev.slipstream.gateway.chat.ChatGateway;
import dev.slipstream.gateway.chat.ChatRequestValidator;
import dev.slipstream.gateway.chat.ModelCatalog;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.chat.ChatObserver;
import dev.slipstream.gateway.chat.ChatPolicy;
import dev.slipstream.gateway.config.ConfigException;
import dev.slipstream.gateway.config.ContextStoreConfig;
import dev.slipstream.gateway.cost.Budgets;
import dev.slipstream.gateway.cost.InMemorySpendCounters;
import dev.slipstream.gateway.cost.InMemorySpendLedger;
import dev.slipstream.gateway.cost.RedisSpend;
import dev.slipstream.gateway.cost.SpendCounters;
import dev.slipstream.gateway.cost.SpendLedger;
import dev.slipstream.gateway.cost.PriceTable;
import dev.slipstream.gateway.metrics.MetricsService;
import dev.slipstream.gateway.metrics.PromptReloadMetrics;
import dev.slipstream.gateway.metrics.ProviderHealthCollector;
import dev.slipstream.gateway.metrics.RequestRecorder;
import dev.slipstream.gateway.policy.GatewayPolicy;
import dev.slipstream.gateway.ratelimit.RateLimiter;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.PromptsConfig;
import dev.slipstream.gateway.config.ProviderConfig;
import dev.slipstream.gateway.config.ServerConfig;
import dev.slipstream.gateway.grpc.ChatGrpcService;
import dev.slipstream.gateway.grpc.ExecutionAdvisorGrpcService;
import dev.slipstream.gateway.grpc.GatewayExceptionHandler;
import dev.slipstream.gateway.grpc.GrpcAuthInterceptor;
import dev.slipstream.gateway.grpc.GrpcRequestTooLargeHandler;
import dev.slipstream.gateway.grpc.ModelGrpcService;
import dev.slipstream.gateway.grpc.PromptGrpcService;
import dev.slipstream.gateway.http.HttpApiKeyAuth;
import dev.slipstream.gateway.http.OpenAiHttpService;
import dev.slipstream.gateway.http.PromptHttpService;
import dev.slipstream.gateway.http.ProviderHealthService;
import dev.slipstream.gateway.prompt.PromptDirectoryWatcher;
import dev.slipstream.gateway.prompt.PromptInvoker;
import dev.slipstream.gateway.prompt.PromptRegistry;
import dev.slipstream.gateway.provider.ChatProvider;
import dev.slipstream.gateway.provider.ProviderFactory;
import dev.slipstream.gateway.routing.Router;
import dev.slipstream.gateway.session.ContextStores;
import dev.slipstream.gateway.session.SessionChat;
import dev.slipstream.gateway.session.SessionGrpcService;
import dev.slipstream.prompts.Problem;
import dev.slipstream.prompts.TemplateValidationException;
import com.linecorp.armeria.server.grpc.GrpcHealthCheckService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;

/**
 * A running gateway: one Armeria server on one port for gRPC, gRPC-Web, HTTP/JSON transcoding, the
 * OpenAI-compatible API, health and docs.
 */
public final class Gateway implements AutoCloseable {
    private static final String UPSTREAM_POOL_PROPERTY = "jdk.httpclient.connectionPoolSize";

    /** How soon a key created or disabled on one replica takes effect on the others. */
    private static final Duration KEY_SYNC_INTERVAL = Duration.ofSeconds(1);

    private final Server server;
    private final ExecutorService blockingExecutor;
    private final ContextStore contextStore;
    private final RateLimiter rateLimiter;
    private final SpendCounters spendCounters;
    private final KeyRegistry keyRegistry;
    @Nullable
    private final PromptDirectoryWatcher promptWatcher;

    private Gateway(Server server, ExecutorService blockingExecutor, ContextStore contextStore,
                    RateLimiter rateLimiter, SpendCounters spendCounters, KeyRegistry keyRegistry,
                    @Nullable PromptDirectoryWatcher promptWatcher) {
        this.server = server;
        this.blockingExecutor = blockingExecutor;
        this.contextStore = contextStore;
        this.rateLimiter = rateLimiter;
        this.spendCounters = spendCounters;
        this.keyRegistry = keyRegistry;
        this.promptWatcher = promptWatcher;
    }

    /**
     * Builds and starts a gateway for a validated {@code config}, guarded by {@code apiKey} (tenant
     * {@code default}, every scope) and the configured {@code auth.api_keys}.
     *
     * @throws dev.slipstream.context.ContextStoreUnavailableException when the configured Redis cannot be
     *         reached
     */
    public static Gateway start(GatewayConfig config, String apiKey) {
        requireNonNull(config, "config");
        requireNonNull(apiKey, "apiKey");
        limitUpstreamConnectionPool(config.server().upstreamConnectionPoolSize());
        final TokenCounter tokens = new TokenCounter();
        final ContextStore contextStore = ContextStores.create(config.contextStore());
        // Provider SDKs block; they get a virtual thread each, never an event loop.
        final ExecutorService blockingExecutor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("provider-", 0).factory());
        final RateLimiter rateLimiter = rateLimiter(config);
        final Spend spend = spend(config.contextStore(), config.policy().usageRetentionDays());
        final ChatPolicy policy = new GatewayPolicy(tokens, rateLimiter,
                                                    new Budgets(spend.counters(), config.tenants(), Clock.systemUTC()),
                                                    new PriceTable(config.pricing()), spend.ledger(),
                                                    Clock.systemUTC(), config.policy().estimatedOutputTokens());
        // Per gateway, not the JVM-wide default: tests run several gateways in one JVM.
        final CollectorRegistry metrics = new CollectorRegistry();
        DefaultExports.register(metrics);
        final ChatGateway chat = chatGateway(config, tokens, blockingExecutor, policy,
                                             new RequestRecorder(metrics, config.models(), config.routes()));
        new ProviderHealthCollector(chat.router()::health).register(metrics);
        final PromptRegistry prompts;
        try {
            prompts = promptRegistry(config.prompts(), chat.catalog(), new PromptReloadMetrics(metrics));
        } catch (ConfigException e) {
            blockingExecutor.shutdownNow();
            contextStore.close();
            rateLimiter.close();
            spend.counters().close();
            throw e;
        }
        final SessionChat sessionChat = SessionChat.create(config, contextStore, chat, tokens);
        final PromptInvoker invoker = new PromptInvoker(prompts, chat, sessionChat, config.prompts());
        final ApiKeyVerifier verifier = new ApiKeyVerifier(ApiKeys.fromConfig(config.auth(), apiKey),
                                                           Clock.systemUTC());
        final KeyRegistry keyRegistry = new KeyRegistry(verifier, storedKeys(config.contextStore()), KEY_SYNC_INTERVAL);
        final GrpcService grpc = grpcService(config, chat, sessionChat, contextStore, tokens, invoker, verifier,
                                             new AdminGrpcService(keyRegistry, spend.ledger(), prompts,
                                                                  chat.router(), chat.cache()));
        final Server server = buildServer(config.server(), grpc, chat, invoker, verifier, metrics);
        server.start().join();
        return new Gateway(server, blockingExecutor, contextStore, rateLimiter, spend.counters(), keyRegistry,
                           promptWatcher(prompts, config.prompts()));
    }

    /** Loads the template directory; a gateway never starts on a broken set. */
    private static PromptRegistry promptRegistry(PromptsConfig config, ModelCatalog catalog,
                                                 PromptReloadMetrics reloads) {
        try {
            return PromptRegistry.load(config.templateDirectory(), catalog::serves, reloads);
        } catch (TemplateValidationException e) {
            throw new ConfigException("prompts.directory " + config.templateDirectory().orElseThrow(),
                                      e.problems().stream().map(Problem::toString).toList());
        }
    }

    @Nullable
    private static PromptDirectoryWatcher promptWatcher(PromptRegistry prompts, PromptsConfig config) {
        if (!config.watch() || prompts.directory().isEmpty()) {
            return null;
        }
        try {
            return PromptDirectoryWatcher.start(prompts, prompts.directory().get(),
                                                Duration.ofMillis(config.watchDebounceMs()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + prompts.directory().get() + " for prompt changes", e);
        }
    }

    /** Keys created at run time: in Redis when sessions are kept there, so that every replica knows them. */
    private static StoredKeys storedKeys(ContextStoreConfig store) {
        return ContextStoreConfig.MEMORY.equals(store.uri())
               ? StoredKeys.NONE
               : new RedisStoredKeys(store.uri(), Duration.ofMillis(store.commandTimeoutMs()));
    }

    /** Budget counters and the ledger: in Redis when sessions are kept there, so that replicas share them. */
    private record Spend(SpendCounters counters, SpendLedger ledger) {}

    private static Spend spend(ContextStoreConfig store, int usageRetentionDays) {
        if (ContextStoreConfig.MEMORY.equals(store.uri())) {
            return new Spend(new InMemorySpendCounters(Clock.systemUTC()),
                             new InMemorySpendLedger(Clock.systemUTC(), usageRetentionDays));
        }
        final RedisSpend redis = new RedisSpend(store.uri(), Duration.ofMillis(store.commandTimeoutMs()),
                                                usageRetentionDays);
        return new Spend(redis, redis);
    }

    /** Limits shared through Redis when sessions are kept there, so that every replica enforces one limit. */
    private static RateLimiter rateLimiter(GatewayConfig config) {
        final ContextStoreConfig store = config.contextStore();
        return ContextStoreConfig.MEMORY.equals(store.uri())
               ? RateLimiter.local(config.tenants())
               : RateLimiter.redis(store.uri(), Duration.ofMillis(store.commandTimeoutMs()), config.tenants());
    }

    private static ChatGateway chatGateway(GatewayConfig config, TokenCounter tokens, ExecutorService executor,
                                           ChatPolicy policy, ChatObserver observer) {
        final ProviderFactory factory = new ProviderFactory(tokens, executor);
        final Map<String, ChatProvider> providers = new LinkedHashMap<>();
        for (ProviderConfig provider : config.providers()) {
            providers.put(provider.name(), factory.create(provider));
        }
        final ModelCatalog catalog = new ModelCatalog(providers, config.models(), config.defaultModel());
        return new ChatGateway(catalog, new Router(catalog, providers, config.routes()),
                               new ResponseCache(config.cache()), new ChatRequestValidator(config.limits()), policy,
                               observer, tokens);
    }

    private static GrpcService grpcService(GatewayConfig config, ChatGateway chat, SessionChat sessionChat,
                                           ContextStore contextStore, TokenCounter tokens, PromptInvoker invoker,
                                           ApiKeyVerifier verifier, AdminGrpcService admin) {
        return GrpcService.builder()
                          .addService(new ChatGrpcService(chat, sessionChat))
                          .addService(new SessionGrpcService(contextStore, tokens, config.sessions()))
                          .addService(new ModelGrpcService(chat.router(), chat.catalog().defaultAlias()))
                          .addService(new PromptGrpcService(invoker))
                          .addService(new ExecutionAdvisorGrpcService(invoker))
                          .addService(admin)
                          .addService(GrpcHealthCheckService.of())
                          .addService(ProtoReflectionServiceV1.newInstance())
                          .intercept(new GrpcAuthInterceptor(verifier))
                          .exceptionHandler(new GatewayExceptionHandler())
                          .supportedSerializationFormats(GrpcSerializationFormats.values())
                          .enableHttpJsonTranscoding(true)
                          .maxRequestMessageLength((int) Math.min(Integer.MAX_VALUE,
                                                                   config.server().maxRequestBytes()))
                          .useClientTimeoutHeader(true)
                          .build();
    }

    private static Server buildServer(ServerConfig config, GrpcService grpc, ChatGateway chat,
                                      PromptInvoker invoker, ApiKeyVerifier verifier, CollectorRegistry metrics) {
        final ServerBuilder sb = Server.builder()
                                       .http(new java.net.InetSocketAddress(config.host(), config.port()))
                                       .maxRequestLength(config.maxRequestBytes())
                                       .requestTimeoutMillis(config.requestTimeoutMs())
                                       .gracefulShutdownTimeout(Duration.ofMillis(config.shutdownGraceMs()),
                                                                Duration.ofMillis(config.shutdownGraceMs()))
                                       .service(grpc)
                                       .errorHandler(new GrpcRequestTooLargeHandler())
                                       .service("/health", HealthCheckService.of())
                                       // Armeria's own meters land in the same registry as the gateway's.
                                       .meterRegistry(new PrometheusMeterRegistry(
                                               PrometheusConfig.DEFAULT, metrics,
                                               io.micrometer.core.instrument.Clock.SYSTEM))
                                       .decorator(MetricCollectingService.newDecorator(
                                               MeterIdPrefixFunction.ofDefault("armeria.server")))
                                       .service("/metrics", metricsService(config, metrics, verifier));
        OpenAiHttpService.mount(sb, chat, verifier);
        PromptHttpService.mount(sb, invoker, verifier);
        ProviderHealthService.mount(sb, chat.router(), chat.cache(), verifier);
        if (config.docsEnabled()) {
            sb.serviceUnder("/docs", docService());
        }
        return sb.build();
    }

    /** {@code GET /metrics}, behind an admin key when {@code server.metrics_require_admin} says so. */
    private static HttpService metricsService(ServerConfig config, CollectorRegistry metrics,
                                              ApiKeyVerifier verifier) {
        final HttpService service = new MetricsService(metrics);
        return config.metricsRequireAdmin()
               ? service.decorate(HttpApiKeyAuth.newDecorator(verifier, Scope.ADMIN, "GET /metrics"))
               : service;
    }

    private static DocService docService() {
        return DocService.builder()
                         .exampleHeaders(HttpHeaders.of(HttpHeaderNames.AUTHORIZATION, "Bearer <your API key>"))
                         .exampleRequests(ChatServiceGrpc.SERVICE_NAME, "Complete",
                                          CompleteRequest.newBuilder()
                                                         .setModel("local")
                                                         .addMessages(Message.newBuilder()
                                                                             .setRole(Role.ROLE_USER)
                                                                             .setContent("Hello!"))
                                                         .build())
                         .build();
    }

    /**
     * Bounds the JDK HTTP client's pool of idle provider connections, unless the JVM was started with its own
     * bound. The pool is read once per JVM, when the first provider client is built.
     */
    private static void limitUpstreamConnectionPool(int size) {
        if (System.getProperty(UPSTREAM_POOL_PROPERTY) == null) {
            System.setProperty(UPSTREAM_POOL_PROPERTY, String.valueOf(size));
        }
    }

    /** The port actually bound (useful when the configuration asked for port 0). */
    public int port() {
        return server.activeLocalPort();
    }

    public void closeOnShutdown() {
        server.closeOnJvmShutdown();
    }

    public void blockUntilShutdown() {
        server.whenClosed().join();
    }

    @Override
    public void close() {
        if (promptWatcher != null) {
            promptWatcher.close();
        }
        server.stop().join();
        blockingExecutor.shutdownNow();
        contextStore.close();
        rateLimiter.close();
        spendCounters.close();
        keyRegistry.close();
    }
}
