package dev.slipstream.gateway.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpResponseWriter;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;

import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.auth.Scope;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.chat.CacheMode;
import dev.slipstream.gateway.chat.ChatCompletion;
import dev.slipstream.gateway.chat.ChatGateway;
import dev.slipstream.gateway.chat.ChatStreamListener;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;
import dev.slipstream.gateway.routing.Deadline;
import dev.slipstream.gateway.routing.ListedModel;

/**
 * The OpenAI-compatible surface: {@code POST /v1/chat/completions} (JSON, or server-sent events with a
 * final usage chunk when {@code stream} is true) and {@code GET /v1/models}, over the same
 * {@link ChatGateway} as the gRPC API.
 */
public final class OpenAiHttpService {
    /** Every route of this surface is under it, as in OpenAI's API. */
    static final String PATH_PREFIX = "/v1/";
    /** What needs the {@code chat} scope, as a 403 names it. */
    private static final String OPENAI_API = "the OpenAI-compatible API";

    /** Asks for ({@code enabled}) or refuses ({@code bypass}) the response cache; answered with hit or miss. */
    static final String CACHE_HEADER = "x-slipstream-cache";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType EVENT_STREAM = MediaType.parse("text/event-stream");
    private static final HttpData DONE = HttpData.ofUtf8("data: [DONE]\n\n");

    private final ChatGateway gateway;
    private final HttpData modelList;

    private OpenAiHttpService(ChatGateway gateway) {
        this.gateway = requireNonNull(gateway, "gateway");
        modelList = HttpData.ofUtf8(modelList(gateway.router().models(), gateway.catalog().defaultAlias())
                                            .toString());
    }

    /** Adds the routes to {@code sb}, each behind the API key check, and OpenAI-style 413s for them. */
    public static void mount(ServerBuilder sb, ChatGateway gateway, ApiKeyVerifier verifier) {
        final OpenAiHttpService service = new OpenAiHttpService(gateway);
        sb.route().post(PATH_PREFIX + "chat/completions")
          .decorator(delegate -> new HttpApiKeyAuth(delegate, verifier, Scope.CHAT, OPENAI_API))
          .build((ctx, req) -> service.chatCompletions(ctx, req));
        sb.route().get(PATH_PREFIX + "models")
          .decorator(delegate -> new HttpApiKeyAuth(delegate, verifier, Scope.CHAT, OPENAI_API))
          .build((ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, service.modelList));
        sb.errorHandler(new OpenAiRequestTooLargeHandler());
    }

    private HttpResponse chatCompletions(ServiceRequestContext ctx, HttpRequest req) {
        final String requestId = req.headers().get("x-request-id", "");
        final String cacheHeader = req.headers().get(CACHE_HEADER, "");
        // Context-aware, so that the gateway's policy can add response headers (remaining quota).
        return HttpResponse.of(req.aggregate().thenApply(ctx.makeContextAware(aggregated -> {
            try {
                final OpenAiRequestParser.Parsed parsed =
                        OpenAiRequestParser.parse(json(aggregated), requestId, cacheMode(cacheHeader));
                final Principal caller = HttpApiKeyAuth.principal(ctx);
                return parsed.stream() ? stream(ctx, caller, parsed) : complete(ctx, caller, parsed);
            } catch (GatewayException e) {
                return OpenAiErrors.response(e);
            }
        })));
    }

    private HttpResponse complete(ServiceRequestContext ctx, Principal caller, OpenAiRequestParser.Parsed parsed) {
        final long created = System.currentTimeMillis() / 1000;
        return HttpResponse.of(gateway.complete(caller, parsed.request(), Deadline.of(ctx))
                                      .handle((completion, error) -> {
            if (error != null) {
                return OpenAiErrors.aggregated(parsed.inOpenAiTerms(OpenAiErrors.toGatewayException(error)))
                                   .toHttpResponse();
            }
            final ObjectNode body = OpenAiJson.completion(completion, completion.providerModel(), created);
            return HttpResponse.of(ResponseHeaders.builder(HttpStatus.OK)
                                                  .contentType(MediaType.JSON_UTF_8)
                                                  .set("x-slipstream-provider", completion.provider())
                                                  .set("x-slipstream-provider-model", completion.providerModel())
                                                  .set("x-slipstream-cost-micros-usd",
                                                       String.valueOf(completion.costMicrosUsd()))
                                                  .set("x-slipstream-attempts",
                                                       String.valueOf(completion.routeAttempts().size()))
                                                  .set("x-slipstream-fallback", String.valueOf(completion.fallback()))
                                                  .set(CACHE_HEADER, completion.cacheHit() ? "hit" : "miss")
                                                  .build(),
                                   HttpData.ofUtf8(body.toString()));
        }));
    }

    private HttpResponse stream(ServiceRequestContext ctx, Principal caller, OpenAiRequestParser.Parsed parsed) {
        final HttpResponseWriter writer = HttpResponse.streaming();
        final String id = ChatGateway.newCompletionId();
        final long created = System.currentTimeMillis() / 1000;
        final String model = streamModel(parsed.request().model());
        final ChatStreamListener listener = new ChatStreamListener() {
            private boolean started;

            @Override
            public void onDelta(String text) {
                start();
                send(OpenAiJson.chunk(id, model, created, null, text, null));
            }

            @Override
            public void onComplete(ChatCompletion completion, long timeToFirstTokenNanos) {
                start();
                send(OpenAiJson.chunk(id, model, created, null, null, completion.finishReason()));
                send(OpenAiJson.usageChunk(id, model, created, completion.usage()));
                writer.write(DONE);
                writer.close();
            }

            @Override
            public void onError(Throwable cause) {
                final GatewayException error = parsed.inOpenAiTerms(OpenAiErrors.toGatewayException(cause));
                if (!started) {
                    // Nothing sent yet: the caller gets a plain HTTP error, as from a non-streaming call.
                    writer.close(OpenAiErrors.aggregated(error));
                    return;
                }
                send(OpenAiErrors.body(error));
                writer.close();
            }

            /** Headers go out with the first event, so an early failure can still be an HTTP error. */
            private void start() {
                if (started) {
                    return;
                }
                started = true;
                writer.write(ResponseHeaders.builder(HttpStatus.OK)
                                            .contentType(EVENT_STREAM)
                                            .set("cache-control", "no-cache")
                                            .build());
                send(OpenAiJson.chunk(id, model, created, "assistant", "", null));
            }

            private void send(ObjectNode event) {
                writer.write(HttpData.ofUtf8("data: " + event + "\n\n"));
            }
        };
        final StreamHandle handle = gateway.stream(caller, id, parsed.request(), Deadline.of(ctx), listener);
        writer.whenComplete().exceptionally(cause -> {
            handle.cancel();
            return null;
        });
        return writer;
    }

    /**
     * The {@code model} of every chunk: OpenAI's stay the same for a whole stream, so this is the provider
     * model the request resolves to, known before the first chunk (the provider's own report comes last).
     */
    private String streamModel(String requestedModel) {
        try {
            return gateway.catalog().resolve(requestedModel).providerModel();
        } catch (GatewayException e) {
            // gateway.stream reports the same failure as an HTTP error before any chunk is sent.
            return requestedModel;
        }
    }

    /** The {@value #CACHE_HEADER} request header: {@code enabled}, {@code bypass}, or none. */
    private static CacheMode cacheMode(String header) {
        return switch (header) {
            case "" -> CacheMode.DETERMINISTIC;
            case "enabled" -> CacheMode.ENABLED;
            case "bypass" -> CacheMode.BYPASS;
            default -> throw GatewayException.invalid(List.of(new FieldViolation(
                    CACHE_HEADER, '\'' + header + "' (expected: enabled or bypass)")));
        };
    }

    private static JsonNode json(AggregatedHttpRequest request) {
        try {
            return MAPPER.readTree(request.content().array());
        } catch (JsonProcessingException e) {
            throw GatewayException.invalid(List.of(new FieldViolation(
                    "body", "not valid JSON (" + e.getOriginalMessage() + ')')));
        } catch (IOException e) {
            throw GatewayException.invalid(List.of(new FieldViolation("body", "unreadable: " + e.getMessage())));
        }
    }

    /** The model aliases and routes, the default first; a route is owned by its first target's provider. */
    private static ObjectNode modelList(List<ListedModel> listed, String defaultModel) {
        final List<ObjectNode> models = new ArrayList<>();
        for (ListedModel model : listed) {
            final ObjectNode node = OpenAiJson.model(model.name(), model.provider());
            if (model.name().equals(defaultModel)) {
                models.add(0, node);
            } else {
                models.add(node);
            }
        }
        return OpenAiJson.modelList(models);
    }
}
