package dev.slipstream.gateway.session;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.slipstream.gateway.routing.Deadline;
import dev.slipstream.context.ContextStore;
import dev.slipstream.context.SessionMessage;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.chat.ChatCompletion;
import dev.slipstream.gateway.chat.ChatGateway;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.chat.ChatRequest;
import dev.slipstream.gateway.chat.ChatRequestValidator;
import dev.slipstream.gateway.chat.ChatStreamListener;
import dev.slipstream.gateway.chat.DeferredStream;
import dev.slipstream.gateway.chat.Role;
import dev.slipstream.gateway.chat.TokenCounter;
import dev.slipstream.gateway.config.GatewayConfig;
import dev.slipstream.gateway.config.SessionsConfig;
import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;
import dev.slipstream.gateway.session.SessionPrompter.Turn;

/**
 * Chat with a session: load it, window it into the prompt, call the model through {@link ChatGateway},
 * and store the new messages with the reply in one append, only once the reply is complete. A call that
 * fails or is cancelled stores nothing. Failures of the session store arrive as
 * {@link dev.slipstream.gateway.error.GatewayException}s.
 */
public final class SessionChat {
    private final ChatGateway gateway;
    private final ChatRequestValidator validator;
    private final SessionPrompter prompter;
    private final SessionAppender appender;
    private final StoredMessages stored;

    private SessionChat(ChatGateway gateway, ChatRequestValidator validator, SessionPrompter prompter,
                        SessionAppender appender, StoredMessages stored) {
        this.gateway = gateway;
        this.validator = validator;
        this.prompter = prompter;
        this.appender = appender;
        this.stored = stored;
    }

    public static SessionChat create(GatewayConfig config, ContextStore store, ChatGateway gateway,
                                     TokenCounter tokens) {
        requireNonNull(store, "store");
        requireNonNull(gateway, "gateway");
        final SessionsConfig sessions = config.sessions();
        final String summarizerModel = sessions.summarizerModel();
        final Summarizer summarizer =
                SessionsConfig.SUMMARIZE.equals(sessions.policy()) && summarizerModel != null
                ? new Summarizer(gateway, tokens, summarizerModel, sessions.summaryMaxTokens(),
                                 SessionPrompter.summarizerBudget(gateway.catalog().resolve(summarizerModel),
                                                                  sessions, config.limits()))
                : null;
        final StoredMessages stored = new StoredMessages(tokens, Clock.systemUTC());
        final SessionPrompter prompter = new SessionPrompter(store, gateway, tokens, stored,
                                                             sessions, config.limits(), summarizer);
        return new SessionChat(gateway, new ChatRequestValidator(config.limits()), prompter,
                               new SessionAppender(store, sessions.maxAppendRetries()), stored);
    }

    /** Completes the next turn of the caller's session; cancelling the future stores nothing. */
    public CompletableFuture<ChatCompletion> complete(Principal principal, String sessionId, ChatRequest request,
                                                      Deadline deadline) {
        final CompletableFuture<ChatCompletion> result = new CompletableFuture<>();
        prepare(principal, sessionId, request, List.of(), deadline).thenCompose(turn -> {
            if (result.isDone()) {
                return CompletableFuture.<ChatCompletion>failedFuture(new CancellationException());
            }
            final CompletableFuture<ChatCompletion> call = gateway.complete(principal, turn.upstream(), deadline);
            result.whenComplete((unused, failure) -> call.cancel(false));
            return call.thenCompose(completion -> result.isDone()
                    ? CompletableFuture.<ChatCompletion>failedFuture(new CancellationException())
                    : store(principal, sessionId, turn, completion.content()).thenApply(version -> completion));
        }).whenComplete((completion, failure) -> {
            if (failure != null) {
                result.completeExceptionally(ContextStoreErrors.translate(failure));
            } else {
                result.complete(completion);
            }
        });
        return result;
    }

    /**
     * Streams the next turn of the caller's session; the turn is stored before {@code listener} hears of
     * the end, and not at all when the returned handle cancels the stream first.
     */
    public StreamHandle stream(Principal principal, String sessionId, String completionId, ChatRequest request,
                               Deadline deadline, ChatStreamListener listener) {
        final DeferredStream handle = new DeferredStream(() -> {});
        prepare(principal, sessionId, request, List.of(), deadline).whenComplete((turn, failure) -> {
            if (failure != null) {
                listener.onError(ContextStoreErrors.translate(failure));
                return;
            }
            handle.start(() -> gateway.stream(principal, completionId, turn.upstream(), deadline,
                                              new ChatStreamListener() {
                @Override
                public void onDelta(String text) {
                    listener.onDelta(text);
                }

                @Override
                public void onComplete(ChatCompletion completion, long timeToFirstTokenNanos) {
                    if (handle.isCancelled()) {
                        return;
                    }
                    store(principal, sessionId, turn, completion.content()).whenComplete((version, storeFailure) -> {
                        if (storeFailure != null) {
                            listener.onError(ContextStoreErrors.translate(storeFailure));
                        } else {
                            listener.onComplete(completion, timeToFirstTokenNanos);
                        }
                    });
                }

                @Override
                public void onError(Throwable cause) {
                    listener.onError(cause);
                }
            }));
        });
        return handle;
    }

    /**
     * Opens the next turn of the caller's session for a call that asks the model on its own: the
     * {@code preamble} (a prompt template's instructions, counted against the window but never stored), the
     * session's window, then {@code request}'s messages; nothing is stored until the turn is committed.
     * Fails with NOT_FOUND for an unknown session or one of another tenant.
     */
    public CompletableFuture<SessionTurn> openTurn(Principal principal, String sessionId,
                                                   List<ChatMessage> preamble, ChatRequest request,
                                                   Deadline deadline) {
        return prepare(principal, sessionId, request, preamble, deadline).handle((turn, failure) -> {
            if (failure != null) {
                throw new CompletionException(ContextStoreErrors.translate(failure));
            }
            return new SessionTurn(turn.upstream().messages(), reply -> store(principal, sessionId, turn, reply)
                    .exceptionallyCompose(storeFailure -> CompletableFuture.failedFuture(
                            ContextStoreErrors.translate(storeFailure))));
        });
    }

    private CompletableFuture<Turn> prepare(Principal principal, String sessionId, ChatRequest request,
                                            List<ChatMessage> preamble, Deadline deadline) {
        try {
            validator.validate(request);
            return prompter.prepare(principal, sessionId, request, preamble, deadline);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Long> store(Principal principal, String sessionId, Turn turn, String reply) {
        final List<SessionMessage> messages = new ArrayList<>(turn.newMessages());
        messages.addAll(stored.toStored(List.of(new ChatMessage(Role.ASSISTANT, reply))));
        return appender.append(principal.tenant(), sessionId, turn.version(), messages);
    }
}
