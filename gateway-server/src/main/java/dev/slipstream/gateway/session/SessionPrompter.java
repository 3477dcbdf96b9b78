package dev.slipstream.gateway.session;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.routing.Deadline;
import dev.slipstream.context.ContextStore;
import dev.slipstream.context.ContextStoreUnavailableException;
import dev.slipstream.context.RunningSummary;
import dev.slipstream.context.Session;
import dev.slipstream.context.SessionMessage;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.chat.ChatGateway;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.GenerationOptions;
import dev.slipstream.gateway.chat.ResolvedModel;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.config.LimitsConfig;
import dev.slipstream.gateway.config.SessionsConfig;
import dev.slipstream.gateway.session.ConversationWindow.Plan;

/**
 * Loads a session and builds the upstream request of its next turn. Under the summarize policy, turns that
 * no longer fit are first folded into the running summary, which is stored; if that fails, they are simply
 * left out, as under truncate_oldest.
 */
final class SessionPrompter {
    private static final Logger logger = LoggerFactory.getLogger(SessionPrompter.class);

    /**
     * The next turn of a session.
     *
     * @param upstream the request for the model: the preamble, the windowed session, then the new messages
     * @param version the session's version the turn builds on (after a summary it stored)
     * @param newMessages the caller's messages, to be stored with the reply
     */
    record Turn(ChatRequest upstream, long version, List<SessionMessage> newMessages) {}

    private final ContextStore store;
    private final ChatGateway gateway;
    private final ConversationWindow window;
    private final TokenCounter tokens;
    private final StoredMessages stored;
    private final SessionsConfig config;
    private final LimitsConfig limits;
    @Nullable
    private final Summarizer summarizer;

    SessionPrompter(ContextStore store, ChatGateway gateway, TokenCounter tokens, StoredMessages stored,
                    SessionsConfig config, LimitsConfig limits, @Nullable Summarizer summarizer) {
        this.store = requireNonNull(store, "store");
        this.gateway = requireNonNull(gateway, "gateway");
        this.tokens = requireNonNull(tokens, "tokens");
        window = new ConversationWindow(tokens);
        this.stored = requireNonNull(stored, "stored");
        this.config = requireNonNull(config, "config");
        this.limits = requireNonNull(limits, "limits");
        this.summarizer = summarizer;
    }

    /**
     * Resolves the model now (throwing MODEL_NOT_FOUND); the rest happens in the future.
     *
     * @param preamble messages that go before the session's window and count against its budget, but are
     *                 not stored (a prompt template's instructions); empty for a chat turn
     */
    CompletableFuture<Turn> prepare(Principal caller, String sessionId, ChatRequest request,
                                    List<ChatMessage> preamble, Deadline deadline) {
        final String tenant = caller.tenant();
        final GenerationOptions options = request.options();
        final int replyTokens = options.maxOutputTokens() != null ? options.maxOutputTokens()
                                                                  : config.replyBudgetTokens();
        final PromptBudget budget = promptBudget(gateway.catalog().resolve(request.model()), replyTokens, preamble);
        // An unbounded reply could overrun the window the prompt was cut for.
        final GenerationOptions upstreamOptions = new GenerationOptions(
                options.temperature(), options.topP(), replyTokens, options.stopSequences(), options.responseFormat());
        final List<SessionMessage> newMessages = stored.toStored(request.messages());
        return store.get(tenant, sessionId).toCompletableFuture().thenCompose(session -> {
            final Plan plan = window.plan(session.messages(), session.summary(), newMessages, budget);
            final Turn truncated = new Turn(withPrompt(request, upstreamOptions, preamble, plan), session.version(),
                                            newMessages);
            if (summarizer == null || !plan.overflows()) {
                return CompletableFuture.completedFuture(truncated);
            }
            return summarizer.fold(caller, session.messages(), session.summary(), plan.overflowFrom(),
                                   plan.overflowTo(), deadline)
                             .thenCompose(summary -> storeSummary(tenant, session, summary).thenApply(version -> {
                                 final Plan summarized = window.plan(session.messages(), summary, newMessages, budget);
                                 return new Turn(withPrompt(request, upstreamOptions, preamble, summarized), version,
                                                 newMessages);
                             }))
                             .exceptionallyCompose(failure -> {
                                 final Throwable cause = ContextStoreErrors.unwrap(failure);
                                 if (cause instanceof ContextStoreUnavailableException) {
                                     // The turn could not be stored either: fail before paying for a reply.
                                     return CompletableFuture.failedFuture(cause);
                                 }
                                 logger.warn("session {}: summarizing failed, leaving the oldest turns out instead: {}",
                                             sessionId, cause.toString());
                                 return CompletableFuture.completedFuture(truncated);
                             });
        });
    }

    /** The window of the summarizer's prompt: its model's context window minus the summary and the margin. */
    static PromptBudget summarizerBudget(ResolvedModel model, SessionsConfig config, LimitsConfig limits) {
        final int window = contextWindow(model, config);
        return new PromptBudget(window - config.summaryMaxTokens() - config.marginTokens(), Integer.MAX_VALUE,
                                limits.maxMessageChars(),
                                explain(model, window, "the summary budget", config.summaryMaxTokens(), config));
    }

    private PromptBudget promptBudget(ResolvedModel model, int replyTokens, List<ChatMessage> preamble) {
        final int window = contextWindow(model, config);
        final String explanation = explain(model, window, "the reply budget", replyTokens, config);
        if (preamble.isEmpty()) {
            return new PromptBudget(window - replyTokens - config.marginTokens(), limits.maxMessages(),
                                    limits.maxTotalChars(), explanation);
        }
        final int preambleTokens = tokens.countPrompt(preamble) - TokenCounter.TOKENS_PER_REPLY;
        final long preambleChars = preamble.stream().mapToLong(message -> message.content().length()).sum();
        return new PromptBudget(window - replyTokens - config.marginTokens() - preambleTokens,
                                limits.maxMessages() - preamble.size(), limits.maxTotalChars() - preambleChars,
                                explanation + ", minus the prompt template's instructions and examples " +
                                preambleTokens);
    }

    private CompletableFuture<Long> storeSummary(String tenant, Session session, RunningSummary summary) {
        return store.setSummary(tenant, session.id(), session.version(), summary).toCompletableFuture();
    }

    private static ChatRequest withPrompt(ChatRequest request, GenerationOptions options,
                                          List<ChatMessage> preamble, Plan plan) {
        final List<ChatMessage> prompt = new ArrayList<>(preamble.size() + plan.prompt().size());
        prompt.addAll(preamble);
        prompt.addAll(plan.prompt());
        return new ChatRequest(request.model(), prompt, options, request.requestId(), request.metadata(),
                               request.cacheMode());
    }

    private static int contextWindow(ResolvedModel model, SessionsConfig config) {
        return model.contextWindowTokens() > 0 ? model.contextWindowTokens() : config.defaultContextWindowTokens();
    }

    private static String explain(ResolvedModel model, int window, String kept, int keptTokens, SessionsConfig config) {
        return "the context window of model " + model.name() + ", " + window + " tokens, minus " + kept + ' ' +
               keptTokens + " and the margin " + config.marginTokens();
    }
}
