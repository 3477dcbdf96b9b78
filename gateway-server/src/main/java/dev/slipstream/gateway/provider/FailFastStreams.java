package dev.slipstream.gateway.provider;

import java.util.function.Predicate;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEventParsingHandle;

/**
 * Makes a stream fail when a provider client would end it wrongly or not at all:
 * <ul>
 *   <li>on an event the client cannot read: LangChain4j's stream parsers log and skip such an event, so
 *       the stream would end as a success with text missing;</li>
 *   <li>when the body ends before the provider's final event: OpenAI's and Gemini's clients complete at
 *       the end of the body with whatever arrived, and the others wait for the final event (Anthropic's
 *       {@code message_stop}, Ollama's {@code done}, Mistral's {@code [DONE]}), so the stream would end as
 *       a success with text missing or never end at all.</li>
 * </ul>
 */
final class FailFastStreams {
    private FailFastStreams() {}

    /**
     * @param provider the provider's name, for errors
     * @param finalEvent whether an event is the last one the provider sends in a complete stream
     */
    static HttpClient wrap(HttpClient client, String provider, Predicate<ServerSentEvent> finalEvent) {
        return new Client(client, provider, finalEvent);
    }

    private static final class Client implements HttpClient {
        private final HttpClient delegate;
        private final String provider;
        private final Predicate<ServerSentEvent> finalEvent;

        Client(HttpClient delegate, String provider, Predicate<ServerSentEvent> finalEvent) {
            this.delegate = delegate;
            this.provider = provider;
            this.finalEvent = finalEvent;
        }

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
            return delegate.execute(request);
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            delegate.execute(request, parser, new Listener(listener, provider, finalEvent));
        }
    }

    /**
     * Passes events on until one fails, then stops the parser and reports that failure as the outcome; reports
     * the end of a body without the final event as a failure too.
     */
    private static final class Listener implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private final String provider;
        private final Predicate<ServerSentEvent> finalEvent;
        /** Set once a failure has been passed on: it is the stream's outcome. */
        private volatile boolean failed;
        private volatile boolean sawFinalEvent;
        @Nullable
        private volatile ServerSentEventParsingHandle parsing;

        Listener(ServerSentEventListener delegate, String provider, Predicate<ServerSentEvent> finalEvent) {
            this.delegate = delegate;
            this.provider = provider;
            this.finalEvent = finalEvent;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (failed) {
                return;
            }
            parsing = context.parsingHandle();
            sawFinalEvent |= finalEvent.test(event);
            try {
                delegate.onEvent(event, context);
            } catch (RuntimeException e) {
                failed = true;
                context.parsingHandle().cancel();
                delegate.onError(e);
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            if (failed) {
                return;
            }
            sawFinalEvent |= finalEvent.test(event);
            try {
                delegate.onEvent(event);
            } catch (RuntimeException e) {
                failed = true;
                delegate.onError(e);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // After a failed event, the cancelled parser's read error is only an echo of it.
            if (!failed) {
                failed = true;
                delegate.onError(throwable);
            }
        }

        @Override
        public void onClose() {
            if (failed) {
                return;
            }
            final ServerSentEventParsingHandle handle = parsing;
            // A stream cancelled by the gateway ends early on purpose, and no one waits for its outcome.
            if (sawFinalEvent || handle != null && handle.isCancelled()) {
                delegate.onClose();
            } else {
                failed = true;
                delegate.onError(ProviderErrors.streamEndedEarly(provider));
            }
        }
    }
}
