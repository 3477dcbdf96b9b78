package dev.slipstream.gateway.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.annotation.Nullable;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.docs.DocService;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.healthcheck.HealthCheckService;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc;
import dev.slipstream.api.gateway.v1.CompleteRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.context.ContextStore;
import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.cache.ResponseCache;
import dev.slipstream.gateway.chat.ChatGateway;
import dev.slipstream.gateway.chat.ChatRequestValidator;
import dev.slipstream.gateway.chat.ModelCatalog;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.config.AuthConfig;
import dev.slipstream.gateway.config.ConfigException;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.PromptsConfig;
import dev.slipstream.gateway.config.ProviderConfig;
import dev.slipstream.gateway.config.ServerConfig;
import dev.slipstream.gateway.grpc.AdminGrpcService;
import dev.slipstream.gateway.grpc.ChatGrpcService;
import dev.slipstream.gateway.grpc.ExecutionAdvisorGrpcService;
import dev.slipstream.gateway.grpc.GatewayExceptionHandler;
import dev.slipstream.gateway.grpc.GrpcAuthInterceptor;
import dev.slipstream.gateway.grpc.GrpcRequestTooLargeHandler;
import dev.slipstream.gateway.grpc.ModelGrpcService;
import dev.slipstream.gateway.grpc.PromptGrpcService;
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

/**
 * A running gateway: one Armeria server on one port for gRPC, gRPC-Web, HTTP/JSON transcoding, the
 * OpenAI-compatible API, health and docs.
 */
public final class Gateway implements AutoCloseable {
    private final Server server;
    private final ExecutorService blockingExecutor;
    private final ContextStore contextStore;
    @Nullable
    private final PromptDirectoryWatcher promptWatcher;

    private Gateway(Server server, ExecutorService blockingExecutor, ContextStore contextStore,
                    @Nullable PromptDirectoryWatcher promptWatcher) {
        this.server = server;
        this.blockingExecutor = blockingExecutor;
        this.contextStore = contextStore;
        this.promptWatcher = promptWatcher;
    }

    /**
     * Builds and starts a gateway for a validated {@code config}, guarded by {@code apiKey} (tenant
     * {@code default}) and the configured {@code auth.api_keys}.
     *
     * @throws dev.slipstream.context.ContextStoreUnavailableException when the configured Redis cannot be
     *         reached
     */
    public static Gateway start(GatewayConfig config, String apiKey) {
        requireNonNull(config, "config");
        requireNonNull(apiKey, "apiKey");
        final TokenCounter tokens = new TokenCounter();
        final ContextStore contextStore = ContextStores.create(config.contextStore());
        // Provider SDKs block; they get a virtual thread each, never an event loop.
        final ExecutorService blockingExecutor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("provider-", 0).factory());
        final ChatGateway chat = chatGateway(config, tokens, blockingExecutor);
        final PromptRegistry prompts;
        try {
            prompts = promptRegistry(config.prompts(), chat.catalog());
        } catch (ConfigException e) {
            blockingExecutor.shutdownNow();
            contextStore.close();
            throw e;
        }
        final PromptInvoker invoker = new PromptInvoker(prompts, chat, config.prompts());
        final ApiKeyVerifier verifier = verifier(config, apiKey);
        final GrpcService grpc = grpcService(config, chat, contextStore, tokens, invoker, verifier);
        final Server server = buildServer(config.server(), grpc, chat, invoker, verifier);
        server.start().join();
        return new Gateway(server, blockingExecutor, contextStore, promptWatcher(prompts, config.prompts()));
    }

    /** Loads the template directory; a gateway never starts on a broken set. */
    private static PromptRegistry promptRegistry(PromptsConfig config, ModelCatalog catalog) {
        try {
            return PromptRegistry.load(config.templateDirectory(), catalog::serves);
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

    private static ApiKeyVerifier verifier(GatewayConfig config, String apiKey) {
        final Map<String, String> tenantsByKey = new LinkedHashMap<>();
        tenantsByKey.put(apiKey, Principal.DEFAULT_TENANT);
        for (AuthConfig.ApiKeyConfig key : config.auth().apiKeys()) {
            tenantsByKey.put(key.key(), key.tenant());
        }
        return new ApiKeyVerifier(tenantsByKey);
    }

    private static ChatGateway chatGateway(GatewayConfig config, TokenCounter tokens, ExecutorService executor) {
        final ProviderFactory factory = new ProviderFactory(tokens, executor);
        final Map<String, ChatProvider> providers = new LinkedHashMap<>();
        for (ProviderConfig provider : config.providers()) {
            providers.put(provider.name(), factory.create(provider));
        }
        final ModelCatalog catalog = new ModelCatalog(providers, config.models(), config.defaultModel());
        return new ChatGateway(catalog, new Router(catalog, providers, config.routes()),
                               new ResponseCache(config.cache()), new ChatRequestValidator(config.limits()));
    }

    private static GrpcService grpcService(GatewayConfig config, ChatGateway chat, ContextStore contextStore,
                                           TokenCounter tokens, PromptInvoker invoker, ApiKeyVerifier verifier) {
        return GrpcService.builder()
                          .addService(new ChatGrpcService(chat, SessionChat.create(config, contextStore, chat,
                                                                                    tokens)))
                          .addService(new SessionGrpcService(contextStore, tokens, config.sessions()))
                          .addService(new ModelGrpcService(chat.catalog()))
                          .addService(new PromptGrpcService(invoker))
                          .addService(new ExecutionAdvisorGrpcService(invoker))
                          .addService(new AdminGrpcService(invoker.registry()))
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
                                      PromptInvoker invoker, ApiKeyVerifier verifier) {
        final ServerBuilder sb = Server.builder()
                                       .http(new java.net.InetSocketAddress(config.host(), config.port()))
                                       .maxRequestLength(config.maxRequestBytes())
                                       .requestTimeoutMillis(config.requestTimeoutMs())
                                       .gracefulShutdownTimeout(Duration.ofMillis(config.shutdownGraceMs()),
                                                                Duration.ofMillis(config.shutdownGraceMs()))
                                       .service(grpc)
                                       .errorHandler(new GrpcRequestTooLargeHandler())
                                       .service("/health", HealthCheckService.of());
        OpenAiHttpService.mount(sb, chat, verifier);
        PromptHttpService.mount(sb, invoker, verifier);
        ProviderHealthService.mount(sb, chat.router(), chat.cache(), verifier);
        if (config.docsEnabled()) {
            sb.serviceUnder("/docs", docService());
        }
        return sb.build();
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
    }
}
