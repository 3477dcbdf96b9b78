package dev.slipstream.gateway.prompt;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.chat.CacheMode;
import dev.slipstream.gateway.chat.ChatCompletion;
import dev.slipstream.gateway.chat.ChatGateway;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.ResponseFormat;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.chat.TokenUsage;
import dev.slipstream.gateway.config.PromptsConfig;
import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.routing.Deadline;
import dev.slipstream.gateway.session.SessionChat;
import dev.slipstream.prompts.InvalidVariablesException;
import dev.slipstream.prompts.OutputValidation;
import dev.slipstream.prompts.OutputValidator;
import dev.slipstream.prompts.PromptMessage;
import dev.slipstream.prompts.PromptTemplate;
import dev.slipstream.prompts.RenderedPrompt;
import dev.slipstream.prompts.TemplateRenderer;

/**
 * Invokes a prompt: renders the template with the variables, asks the template's model, and checks the
 * answer against the schema, the bounds and the request. A rejected answer gets up to
 * {@code prompts.repair_attempts} repairs (the model sees its answer and exactly what was wrong); when none
 * passes, or the model fails, or the caller's deadline leaves no time for a call, the answer is the baseline.
 * No call is started, or waited for, within {@code prompts.deadline_margin_ms} of the deadline, so the
 * caller always has its answer in time. Never blocks.
 */
public final class PromptInvoker {
    private static final Logger logger = LoggerFactory.getLogger(PromptInvoker.class);

    private final PromptRegistry registry;
    private final ChatGateway chat;
    private final SessionChat sessions;
    private final int repairAttempts;
    private final long callTimeoutMillis;
    private final long deadlineMarginMillis;

    public PromptInvoker(PromptRegistry registry, ChatGateway chat, SessionChat sessions, PromptsConfig config) {
        this.registry = requireNonNull(registry, "registry");
        this.chat = requireNonNull(chat, "chat");
        this.sessions = requireNonNull(sessions, "sessions");
        repairAttempts = config.repairAttempts();
        callTimeoutMillis = config.advisorTimeoutMs();
        deadlineMarginMillis = config.deadlineMarginMs();
    }

    public PromptRegistry registry() {
        return registry;
    }

    /**
     * Invokes prompt {@code promptId} (its newest version, or {@code version} when not 0) with
     * {@code variables} for {@code caller}; {@code check} adds the request's own rules to the template's.
     * The caller's prompt globs decide which prompts it may invoke; the template, not the caller, names the
     * model, so the key's model globs do not apply, while its limits and budget do.
     *
     * <p>With a {@code sessionId} (of the caller's tenant), the model sees the template's system message and
     * examples, then the session's window (as chat with a session builds it), then this call's user message;
     * a valid answer (from the model, repaired or not) is appended to the session with that user message as
     * one turn. A baseline answer stores nothing.
     *
     * @param sessionId empty for none
     * @throws GatewayException PERMISSION_DENIED when the caller's key may not use the prompt;
     *                          PROMPT_NOT_FOUND for an unknown prompt or version; INVALID_ARGUMENT naming
     *                          every variable that does not match its declaration
     */
    public CompletableFuture<PromptAnswer> invoke(Principal caller, String promptId, int version,
                                                  JsonNode variables, OutputCheck check, String requestId,
                                                  String sessionId, Deadline deadline) {
        caller.requirePrompt(promptId);
        // One generation throughout, so a reload in the middle cannot mix versions.
        final LivePrompts prompts = registry.live();
        final PromptTemplate template = prompts.require(promptId, version);
        final RenderedPrompt rendered;
        try {
            rendered = TemplateRenderer.render(template, variables);
        } catch (InvalidVariablesException e) {
            throw GatewayException.invalid(e.violations().stream().map(
                    v -> new FieldViolation(v.path().isEmpty() ? "variables" : "variables." + v.path(),
                                            v.message())).toList());
        }
        final List<ChatMessage> messages = rendered.messages().stream().map(PromptInvoker::toChatMessage).toList();
        final Invocation invocation = new Invocation(caller.withAnyModel(), prompts.validator(template), template,
                                                     check, requestId, deadline);
        if (sessionId.isEmpty()) {
            return invocation.attempt(messages, 1);
        }
        final ChatMessage userMessage = messages.getLast();
        final ChatRequest turnRequest = new ChatRequest(template.model(), List.of(userMessage), invocation.options(),
                                                        requestId, Map.of(), CacheMode.BYPASS);
        final List<ChatMessage> instructions = messages.subList(0, messages.size() - 1);
        return sessions.openTurn(caller, sessionId, instructions, turnRequest, deadline).thenCompose(
                turn -> invocation.attempt(turn.prompt(), 1).thenCompose(
                        answer -> answer.source() == Source.BASELINE
                                  ? CompletableFuture.completedFuture(answer)
                                  : turn.commit(answer.rawText()).thenApply(sessionVersion -> answer)));
    }

    private static ChatMessage toChatMessage(PromptMessage message) {
        return new ChatMessage(switch (message.role()) {
            case SYSTEM -> Role.SYSTEM;
            case USER -> Role.USER;
            case ASSISTANT -> Role.ASSISTANT;
        }, message.content());
    }

    /** The tally of one invocation; its attempts run one after another, never concurrently. */
    private final class Invocation {
        private final Principal caller;
        private final OutputValidator validator;
        private final PromptTemplate template;
        private final OutputCheck check;
        private final String requestId;
        private final Deadline deadline;
        private final List<String> violations = new ArrayList<>();
        private TokenUsage usage = TokenUsage.ZERO;
        private long costMicrosUsd;
        private int modelCalls;
        private String rawText = "";
        private String provider = "";
        private String providerModel = "";

        Invocation(Principal caller, OutputValidator validator, PromptTemplate template, OutputCheck check,
                   String requestId, Deadline deadline) {
            this.caller = caller;
            this.validator = validator;
            this.template = template;
            this.check = check;
            this.requestId = requestId;
            this.deadline = deadline;
        }

        CompletableFuture<PromptAnswer> attempt(List<ChatMessage> messages, int attempt) {
            final long budgetMillis = Math.min(callTimeoutMillis, deadline.remainingMillis() - deadlineMarginMillis);
            if (budgetMillis <= 0) {
                return CompletableFuture.completedFuture(baseline(
                        "no time for a model call: " + Math.max(0, deadline.remainingMillis()) +
                        " ms left before the caller's deadline (expected: more than prompts.deadline_margin_ms, " +
                        deadlineMarginMillis + " ms)"));
            }
            final ChatRequest request = new ChatRequest(template.model(), messages, options(), requestId,
                                                        Map.of("prompt", template.name()), CacheMode.DETERMINISTIC);
            modelCalls++;
            return chat.complete(caller, request, Deadline.after(Duration.ofMillis(budgetMillis)))
                       .orTimeout(budgetMillis, TimeUnit.MILLISECONDS)
                       .handle((completion, error) -> error != null
                                                      ? CompletableFuture.completedFuture(failed(error, budgetMillis))
                                                      : answered(completion, messages, attempt))
                       .thenCompose(Function.identity());
        }

        private CompletableFuture<PromptAnswer> answered(ChatCompletion completion, List<ChatMessage> messages,
                                                         int attempt) {
            usage = new TokenUsage(usage.inputTokens() + completion.usage().inputTokens(),
                                   usage.outputTokens() + completion.usage().outputTokens(),
                                   usage.cachedInputTokens() + completion.usage().cachedInputTokens(),
                                   usage.cacheWriteInputTokens() + completion.usage().cacheWriteInputTokens());
            costMicrosUsd += completion.costMicrosUsd();
            rawText = completion.content();
            provider = completion.provider();
            providerModel = completion.providerModel();

            final OutputValidation verdict = validator.validate(completion.content());
            final List<String> problems = switch (verdict) {
                case OutputValidation.Invalid invalid -> invalid.violations().stream().map(Object::toString).toList();
                case OutputValidation.Valid valid -> check.problems(valid.output());
            };
            if (problems.isEmpty()) {
                return CompletableFuture.completedFuture(answer(((OutputValidation.Valid) verdict).output(),
                        attempt == 1 ? Source.MODEL : Source.REPAIRED, ""));
            }
            problems.forEach(problem -> violations.add("attempt " + attempt + ": " + problem));
            if (attempt > repairAttempts) {
                return CompletableFuture.completedFuture(baseline(
                        "invalid output after " + attempt + (attempt == 1 ? " attempt: " : " attempts: ") +
                        String.join("; ", problems)));
            }
            final List<ChatMessage> repair = new ArrayList<>(messages);
            repair.add(new ChatMessage(Role.ASSISTANT, completion.content()));
            repair.add(new ChatMessage(Role.USER, repairRequest(problems)));
            return attempt(repair, attempt + 1);
        }

        private PromptAnswer failed(Throwable error, long budgetMillis) {
            final Throwable cause = error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause() : error;
            // The router cuts the call at the budget too, so its timeout arrives either way.
            if (cause instanceof TimeoutException ||
                cause instanceof GatewayException gateway && gateway.reason() == ErrorReason.PROVIDER_TIMEOUT) {
                return baseline("the model did not answer within " + budgetMillis + " ms (the smaller of " +
                                "prompts.advisor_timeout_ms and the caller's deadline less the margin)");
            }
            return baseline("the model is unavailable: " + cause.getMessage());
        }

        private PromptAnswer baseline(String reason) {
            logger.info("Serving the baseline of {} (request id '{}'): {}", template.name(), requestId, reason);
            return answer(null, Source.BASELINE, reason);
        }

        private PromptAnswer answer(@Nullable JsonNode output, Source source, String baselineReason) {
            return new PromptAnswer(template, output, rawText, source, baselineReason, violations, usage,
                                    costMicrosUsd, modelCalls, provider, providerModel);
        }

        /** JSON mode for both formats: the chat layer has no schema-enforcing format yet; the answer is checked. */
        private GenerationOptions options() {
            return new GenerationOptions(template.generation().temperature(), null,
                                         template.generation().maxOutputTokens(), List.of(), ResponseFormat.JSON);
        }
    }

    private static String repairRequest(List<String> problems) {
        return "Your answer was rejected for these reasons:\n" +
               problems.stream().map(problem -> "- " + problem).collect(Collectors.joining("\n")) +
               "\nReply again with one JSON object that fixes every problem listed and follows all the rules " +
               "of the system message, and nothing else.";
    }
}
