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
import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.chat.ChatGateway;
import dev.slipstream.gateway.chat.ChatRequestValidator;
import dev.slipstream.gateway.chat.ModelCatalog;
import dev.slipstream.gateway.chat.TokenCounter;
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
import dev.slipstream.gateway.prompt.PromptDirectoryWatcher;
import dev.slipstream.gateway.prompt.PromptInvoker;
import dev.slipstream.gateway.prompt.PromptRegistry;
import dev.slipstream.gateway.provider.ChatProvider;
import dev.slipstream.gateway.provider.ProviderFactory;
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
    @Nullable
    private final PromptDirectoryWatcher promptWatcher;

    private Gateway(Server server, ExecutorService blockingExecutor, @Nullable PromptDirectoryWatcher promptWatcher) {
        this.server = server;
        this.blockingExecutor = blockingExecutor;
        this.promptWatcher = promptWatcher;
    }

    /** Builds and starts a gateway for a validated {@code config}, guarded by {@code apiKey}. */
    public static Gateway start(GatewayConfig config, String apiKey) {
        requireNonNull(config, "config");
        requireNonNull(apiKey, "apiKey");
        // Provider SDKs block; they get a virtual thread each, never an event loop.
        final ExecutorService blockingExecutor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("provider-", 0).factory());
        final ChatGateway chat = chatGateway(config, blockingExecutor);
        final PromptRegistry prompts;
        try {
            prompts = promptRegistry(config.prompts(), chat.catalog());
        } catch (ConfigException e) {
            blockingExecutor.shutdownNow();
            throw e;
        }
        final PromptInvoker invoker = new PromptInvoker(prompts, chat, config.prompts());
        final Server server = buildServer(config.server(), chat, invoker, new ApiKeyVerifier(apiKey));
        server.start().join();
        return new Gateway(server, blockingExecutor, promptWatcher(prompts, config.prompts()));
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

    private static ChatGateway chatGateway(GatewayConfig config, ExecutorService executor) {
        final ProviderFactory factory = new ProviderFactory(new TokenCounter(), executor);
        final Map<String, ChatProvider> providers = new LinkedHashMap<>();
        for (ProviderConfig provider : config.providers()) {
            providers.put(provider.name(), factory.create(provider));
        }
        final ModelCatalog catalog = new ModelCatalog(providers, config.models(), config.defaultModel());
        return new ChatGateway(catalog, new ChatRequestValidator(config.limits()));
    }

    private static Server buildServer(ServerConfig config, ChatGateway chat, PromptInvoker invoker,
                                      ApiKeyVerifier verifier) {
        final GrpcService grpc =
                GrpcService.builder()
                           .addService(new ChatGrpcService(chat))
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
                           .maxRequestMessageLength((int) Math.min(Integer.MAX_VALUE, config.maxRequestBytes()))
                           .useClientTimeoutHeader(true)
                           .build();
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
    }
}
