package dev.slipstream.execution.venue.bybit.stream;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipstream.execution.venue.bybit.BybitPrivateStream;
import dev.slipstream.execution.venue.bybit.BybitSigner;
import dev.slipstream.execution.venue.bybit.BybitWire;
import dev.slipstream.execution.venue.bybit.PrivateStreamListener;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Bybit's private stream: on every connection it authenticates ({@code {"op":"auth","args":[apiKey, expires,
 * signature]}}, signature = HMAC of {@code "GET/realtime" + expires}) and subscribes to {@code order} and
 * {@code execution}; after a reconnect it tells the listener, which reconciles its orders over REST because
 * updates may have been lost while the stream was down. Listeners are called on the stream's I/O thread, one message
 * at a time: keep the calls short.
 */
public final class BybitPrivateWebSocket implements BybitPrivateStream {

    private static final List<String> TOPICS = List.of("order", "execution");

    private enum Phase { DISCONNECTED, AUTHENTICATING, SUBSCRIBING, READY, FAILED }

    private final BybitSigner signer;
    private final StreamSettings settings;
    private final Clock clock;
    private final ReconnectingWebSocket connection;
    private final CompletableFuture<Void> firstReady = new CompletableFuture<>();

    private @Nullable PrivateStreamListener listener;
    private Phase phase = Phase.DISCONNECTED;
    private boolean everReady;
    private long requests;

    /** {@code clock} signs {@code expires}; pass one corrected by the server-time offset when the host clock drifts. */
    public BybitPrivateWebSocket(URI endpoint, BybitSigner signer, StreamSettings settings, Clock clock) {
        this.signer = requireNonNull(signer, "signer");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.connection = new ReconnectingWebSocket("private", requireNonNull(endpoint, "endpoint"), settings,
                new Handler());
    }

    /**
     * Connects, authenticates and subscribes, waiting at most the connect plus handshake timeouts; afterwards the
     * stream keeps itself connected.
     *
     * @throws BybitStreamException when Bybit refuses the auth or the subscription, or the stream is not ready in time
     */
    @Override
    public void start(PrivateStreamListener listener) {
        synchronized (this) {
            if (this.listener != null) {
                throw new IllegalStateException("the private stream is already started");
            }
            this.listener = requireNonNull(listener, "listener");
        }
        connection.start();
        long waitMillis = settings.connectTimeout().plus(settings.handshakeTimeout()).toMillis();
        try {
            firstReady.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new BybitStreamException("interrupted while starting the Bybit private stream");
        } catch (ExecutionException e) {
            close();
            throw new BybitStreamException(e.getCause().getMessage());
        } catch (TimeoutException e) {
            close();
            throw new BybitStreamException("the Bybit private stream was not authenticated and subscribed within "
                    + waitMillis + " ms");
        }
    }

    /** How many connections have opened (1 + reconnects). */
    public int connectionsOpened() {
        return connection.connectionsOpened();
    }

    @Override
    public void close() {
        connection.close();
    }

    private synchronized PrivateStreamListener listener() {
        return requireNonNull(listener, "listener");
    }

    private synchronized String nextRequestId(String op) {
        return op + "-" + ++requests;
    }

    private synchronized boolean isReady() {
        return phase == Phase.READY;
    }

    private void fail(String reason) {
        synchronized (this) {
            if (phase == Phase.FAILED) {
                return;
            }
            phase = Phase.FAILED;
        }
        firstReady.completeExceptionally(new BybitStreamException(reason));
        // Closing waits for the server's close frame, which arrives on the thread that called us: close elsewhere.
        Thread.ofVirtual().name("bybit-private-close").start(connection::close);
        listener().onStreamFailed(reason);
    }

    private final class Handler implements ReconnectingWebSocket.Handler {

        @Override
        public void onOpen() {
            synchronized (BybitPrivateWebSocket.this) {
                if (phase == Phase.FAILED) {
                    return;
                }
                phase = Phase.AUTHENTICATING;
            }
            long expires = clock.millis() + settings.authExpiry().toMillis();
            connection.send(BybitOps.request(nextRequestId("auth"), "auth",
                    List.of(signer.apiKey(), expires, signer.signWebSocketAuth(expires))));
            connection.deadline("auth and subscribe", BybitPrivateWebSocket.this::isReady);
        }

        @Override
        public void onMessage(JsonNode message) {
            BybitOps.Ack ack = BybitOps.ack(message);
            if (ack != null) {
                acknowledged(ack);
                return;
            }
            String topic = message.path("topic").asText();
            PrivateStreamListener target = listener();
            for (JsonNode item : message.path("data")) {
                try {
                    switch (topic) {
                        case "order" -> target.onOrder(BybitWire.orderUpdate(item));
                        case "execution" -> {
                            if (PrivateMessages.isTrade(item)) {
                                target.onExecution(PrivateMessages.execution(item));
                            }
                        }
                        default -> {
                            target.onStreamError("private stream: unexpected topic \"" + topic + "\"");
                            return;
                        }
                    }
                } catch (RuntimeException e) {
                    // One bad item or a throwing listener must not cost the others in the message, nor the stream.
                    target.onStreamError("private stream: cannot handle a " + topic + " item: " + e.getMessage());
                }
            }
        }

        private void acknowledged(BybitOps.Ack ack) {
            switch (ack.op()) {
                case "auth" -> {
                    if (!ack.success()) {
                        fail("Bybit refused the private stream auth: " + ack.retMsg()
                                + " (check the API key and secret, and the clock: expires must lie ahead of Bybit's)");
                        return;
                    }
                    synchronized (BybitPrivateWebSocket.this) {
                        phase = Phase.SUBSCRIBING;
                    }
                    connection.send(BybitOps.request(nextRequestId("subscribe"), "subscribe", TOPICS));
                }
                case "subscribe" -> {
                    if (!ack.success()) {
                        fail("Bybit refused the private subscription " + TOPICS + ": " + ack.retMsg());
                        return;
                    }
                    connection.markHealthy();
                    boolean reconnected;
                    synchronized (BybitPrivateWebSocket.this) {
                        phase = Phase.READY;
                        reconnected = everReady;
                        everReady = true;
                    }
                    if (reconnected) {
                        notifyReconnected();
                    } else {
                        firstReady.complete(null);
                    }
                }
                default -> listener().onStreamError("private stream: unexpected acknowledgement of \"" + ack.op()
                        + "\": " + ack.retMsg());
            }
        }

        private void notifyReconnected() {
            try {
                listener().onReconnected();
            } catch (RuntimeException e) {
                listener().onStreamError("private stream: the reconnect listener failed: " + e);
            }
        }

        @Override
        public void onDropped(String reason) {
            synchronized (BybitPrivateWebSocket.this) {
                if (phase == Phase.FAILED) {
                    return;
                }
                phase = Phase.DISCONNECTED;
            }
            listener().onStreamError("private stream dropped: " + reason);
        }

        @Override
        public void onError(String message) {
            listener().onStreamError(message);
        }
    }
}
