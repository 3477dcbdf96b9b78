package dev.slipstream.gateway.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;

import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.auth.Scope;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.routing.Deadline;
import dev.slipstream.gateway.prompt.OutputCheck;
import dev.slipstream.gateway.prompt.PromptAnswer;
import dev.slipstream.gateway.prompt.PromptInvoker;

/**
 * {@code POST /v1/prompts/{id}:invoke} with {@code {"variables": {...}, "version": N}} ({@code version}
 * optional: the newest), answering with the structured output and how it was obtained. Errors use the
 * OpenAI-compatible surface's JSON (404 for an unknown prompt, 400 naming each bad variable).
 */
public final class PromptHttpService {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> BODY_FIELDS = Set.of("variables", "version", "session_id");

    private final PromptInvoker invoker;

    private PromptHttpService(PromptInvoker invoker) {
        this.invoker = requireNonNull(invoker, "invoker");
    }

    /** Adds the route to {@code sb}, behind the API key check. */
    public static void mount(ServerBuilder sb, PromptInvoker invoker, ApiKeyVerifier verifier) {
        final PromptHttpService service = new PromptHttpService(invoker);
        sb.route().post("regex:^" + OpenAiHttpService.PATH_PREFIX + "prompts/(?<id>[^/:]+):invoke$")
          .decorator(delegate -> new HttpApiKeyAuth(delegate, verifier, Scope.PROMPTS,
                                                    "POST /v1/prompts/{id}:invoke"))
          .build((ctx, req) -> HttpResponse.of(req.aggregate()
                                                  .thenCompose(aggregated -> service.invoke(ctx, aggregated))));
    }

    private CompletableFuture<HttpResponse> invoke(ServiceRequestContext ctx,
                                                                         AggregatedHttpRequest request) {
        final Deadline deadline = Deadline.of(ctx);
        try {
            final JsonNode body = body(request);
            final JsonNode variables = body.has("variables") ? body.get("variables")
                                                             : JsonNodeFactory.instance.objectNode();
            return invoker.invoke(HttpApiKeyAuth.principal(ctx), requireNonNull(ctx.pathParam("id"), "id"),
                                  version(body), variables, OutputCheck.NONE,
                                  request.headers().get("x-request-id", ""), sessionId(body), deadline)
                          .handle((answer, error) -> error != null ? OpenAiErrors.response(error)
                                                                   : HttpResponse.of(HttpStatus.OK,
                                                                                     MediaType.JSON_UTF_8,
                                                                                     json(answer).toString()));
        } catch (GatewayException e) {
            return CompletableFuture.completedFuture(OpenAiErrors.response(e));
        }
    }

    /** The optional session whose window the model sees and to which the turn is appended; "" for none. */
    private static String sessionId(JsonNode body) {
        return body.has("session_id") ? body.get("session_id").asText() : "";
    }

    private static JsonNode body(AggregatedHttpRequest request) {
        final JsonNode body;
        try {
            body = MAPPER.readTree(request.content().array());
        } catch (IOException e) {
            throw GatewayException.invalid(List.of(new FieldViolation(
                    "body", "not valid JSON (expected: {\"variables\": {...}, \"version\": N})")));
        }
        if (body == null || !body.isObject()) {
            throw GatewayException.invalid(List.of(new FieldViolation(
                    "body", "not a JSON object (expected: {\"variables\": {...}, \"version\": N})")));
        }
        final List<FieldViolation> violations = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!BODY_FIELDS.contains(name)) {
                violations.add(new FieldViolation(name, "unknown field (expected: variables, version, session_id)"));
            }
        });
        if (body.has("variables") && !body.get("variables").isObject()) {
            violations.add(new FieldViolation("variables", body.get("variables").getNodeType().name()
                                                                     .toLowerCase(Locale.ROOT) +
                                                           " (expected: an object keyed by variable name)"));
        }
        if (body.has("session_id") && !body.get("session_id").isTextual()) {
            violations.add(new FieldViolation("session_id", body.get("session_id").getNodeType().name()
                                                                  .toLowerCase(Locale.ROOT) +
                                                            " (expected: a session id string)"));
        }
        final JsonNode version = body.get("version");
        if (version != null && !version.isNull() &&
            (!version.canConvertToExactIntegral() || !version.canConvertToInt() || version.intValue() < 1)) {
            violations.add(new FieldViolation("version", version + " (expected: a version number >= 1, or " +
                                                         "no version for the newest)"));
        }
        if (!violations.isEmpty()) {
            throw GatewayException.invalid(violations);
        }
        return body;
    }

    private static int version(JsonNode body) {
        final JsonNode version = body.get("version");
        return version == null || version.isNull() ? 0 : version.intValue();
    }

    private static ObjectNode json(PromptAnswer answer) {
        final ObjectNode json = JsonNodeFactory.instance.objectNode()
                                                        .put("prompt_id", answer.template().id())
                                                        .put("version", answer.template().version());
        json.set("output", answer.output());
        json.put("raw_text", answer.rawText())
            .put("source", answer.source().name())
            .put("baseline_reason", answer.baselineReason())
            .put("baseline_description", answer.template().baseline().description());
        final ArrayNode violations = json.putArray("violations");
        answer.violations().forEach(violations::add);
        json.putObject("usage")
            .put("input_tokens", answer.usage().inputTokens())
            .put("output_tokens", answer.usage().outputTokens())
            .put("total_tokens", answer.usage().totalTokens())
            .put("cached_input_tokens", answer.usage().cachedInputTokens());
        return json.put("cost_micros_usd", answer.costMicrosUsd())
                   .put("model_calls", answer.modelCalls())
                   .put("provider", answer.provider())
                   .put("provider_model", answer.providerModel());
    }
}
