package dev.slipstream.gateway.provider;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * Makes a streamed event that a provider client cannot read fail the stream. LangChain4j's stream parsers
 * log and skip such an event, so the stream would end as a success with text missing or, for providers that
 * finish on a last event (Anthropic's {@code message_stop}, Ollama's {@code done}), never end at all.
 */
final class FailFastStreams {
    private FailFastStreams() {}

    static HttpClient wrap(HttpClient client) {
        return new Client(client);
    }

    private static final class Client implements HttpClient {
        private final HttpClient delegate;

        Client(HttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
            return delegate.execute(request);
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            delegate.execute(request, parser, new Listener(listener));
        }
    }

    /** Passes events on until one fails; then stops the parser and reports that failure as the outcome. */
    private static final class Listener implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private volatile boolean failed;

        Listener(ServerSentEventListener delegate) {
            this.delegate = delegate;
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
                delegate.onError(throwable);
            }
        }

        @Override
        public void onClose() {
            if (!failed) {
                delegate.onClose();
            }
        }
    }
}
