package dev.slipstream.execution.venue.bybit.stream;

import dev.slipstream.execution.venue.bybit.BybitWire;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One Bybit WebSocket that stays connected until closed: it sends {@code {"op":"ping"}} on schedule, drops a
 * connection whose pong is late, reconnects with capped exponential backoff and jitter, assembles fragmented frames
 * into whole messages (refusing any larger than the limit) and hands every message other than a pong to its
 * {@link Handler}. The handler is never called while this object holds its lock, so it may send from its callbacks.
 */
final class ReconnectingWebSocket implements AutoCloseable {

    /** What the stream on top does with the connection. Callbacks of one connection come one at a time. */
    interface Handler {

        /** A connection is open (the first or a reconnect): authenticate and subscribe here. */
        void onOpen();

        /** A whole message, parsed; pongs are consumed here and never passed on. */
        void onMessage(JsonNode message);

        /** The connection was lost or could not be opened; a reconnect is scheduled unless the stream is closed. */
        void onDropped(String reason);

        /** Something went wrong that the user should hear about; the connection may carry on. */
        void onError(String message);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PING = "{\"op\":\"ping\"}";

    private final String name;
    private final URI uri;
    private final StreamSettings settings;
    private final Handler handler;
    private final HttpClient client;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ReconnectBackoff backoff;

    private @Nullable Attempt active;
    private int failedAttempts;
    private int opened;
    private boolean started;
    private boolean closed;

    ReconnectingWebSocket(String name, URI uri, StreamSettings settings, Handler handler) {
        this.name = requireNonNull(name, "name");
        this.uri = requireNonNull(uri, "uri");
        this.settings = requireNonNull(settings, "settings");
        this.handler = requireNonNull(handler, "handler");
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "bybit-" + name + "-stream");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.backoff = new ReconnectBackoff(settings.initialBackoff(), settings.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Opens the first connection (once; later calls do nothing). */
    void start() {
        synchronized (this) {
            if (started || closed) {
                return;
            }
            started = true;
        }
        connect();
    }

    /** Sends a text message on the open connection; false when there is none (the next onOpen resends state). */
    boolean send(String text) {
        Attempt attempt;
        synchronized (this) {
            attempt = active;
            if (attempt == null || attempt.socket == null) {
                return false;
            }
        }
        attempt.send(text);
        return true;
    }

    /**
     * Drops the connection open now if {@code satisfied} is still false after the handshake timeout: an auth or
     * subscribe acknowledgement that never comes must not leave the stream silently deaf.
     */
    void deadline(String what, BooleanSupplier satisfied) {
        Attempt attempt;
        synchronized (this) {
            attempt = active;
            if (attempt == null || closed) {
                return;
            }
            Duration timeout = settings.handshakeTimeout();
            scheduler.schedule(() -> {
                if (!satisfied.getAsBoolean()) {
                    dropped(attempt, what + " not acknowledged within " + timeout.toMillis() + " ms");
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The stream is subscribed on this connection: the next drop starts the backoff from the beginning again. (Not
     * merely opening it, or a server that accepts and at once drops connections would be retried at full speed.)
     */
    synchronized void markHealthy() {
        failedAttempts = 0;
    }

    /** How many connections have opened so far (the first plus every reconnect). */
    synchronized int connectionsOpened() {
        return opened;
    }

    private void connect() {
        Attempt attempt;
        synchronized (this) {
            if (closed) {
                return;
            }
            attempt = new Attempt();
            active = attempt;
        }
        client.newWebSocketBuilder()
                .connectTimeout(settings.connectTimeout())
                .buildAsync(uri, attempt)
                .orTimeout(settings.connectTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        dropped(attempt, "cannot connect to " + uri + ": " + describe(error));
                    }
                });
    }

    private void dropped(Attempt attempt, String reason) {
        Duration delay;
        synchronized (this) {
            if (attempt != active || closed) {
                return;
            }
            active = null;
            failedAttempts++;
            delay = backoff.delay(failedAttempts);
            scheduler.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
        attempt.abort();
        handler.onDropped(reason + "; reconnecting in " + delay.toMillis() + " ms");
    }

    @Override
    public void close() {
        Attempt attempt;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            attempt = active;
            active = null;
        }
        if (attempt != null) {
            attempt.closeCleanly(settings.handshakeTimeout());
        }
        scheduler.shutdownNow();
        client.shutdownNow();
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            return "timed out";
        }
        if (cause instanceof WebSocketHandshakeException refused) {
            return "the server refused the WebSocket upgrade with HTTP " + refused.getResponse().statusCode();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** One connection attempt and, once open, the connection: its frames, pings and sends. */
    private final class Attempt implements WebSocket.Listener {

        private final StringBuilder message = new StringBuilder();
        private final CompletableFuture<Void> closedByServer = new CompletableFuture<>();
        private volatile @Nullable WebSocket socket;
        private @Nullable ScheduledFuture<?> pings;
        private @Nullable ScheduledFuture<?> pongDeadline;
        private CompletableFuture<?> sendTail = CompletableFuture.completedFuture(null);

        private boolean isActive() {
            synchronized (ReconnectingWebSocket.this) {
                return active == this;
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            synchronized (ReconnectingWebSocket.this) {
                if (active != this) {
                    webSocket.abort();
                    return;
                }
                socket = webSocket;
                opened++;
                long interval = settings.pingInterval().toNanos();
                pings = scheduler.scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.NANOSECONDS);
            }
            webSocket.request(1);
            handler.onOpen();
        }

        private void ping() {
            synchronized (ReconnectingWebSocket.this) {
                if (active != this) {
                    return;
                }
                if (pongDeadline == null) {
                    pongDeadline = scheduler.schedule(
                            () -> dropped(this, "no pong within " + settings.pongTimeout().toMillis() + " ms"),
                            settings.pongTimeout().toNanos(), TimeUnit.NANOSECONDS);
                }
            }
            send(PING);
        }

        private void ponged() {
            synchronized (ReconnectingWebSocket.this) {
                if (pongDeadline != null) {
                    pongDeadline.cancel(false);
                    pongDeadline = null;
                }
            }
        }

        void send(String text) {
            WebSocket webSocket = socket;
            if (webSocket == null) {
                return;
            }
            synchronized (this) {
                // The JDK WebSocket allows one outstanding send: chain each after the previous one.
                sendTail = sendTail.handle((ignored, error) -> null)
                        .thenCompose(ignored -> webSocket.sendText(text, true))
                        .whenComplete((ignored, error) -> {
                            if (error != null) {
                                dropped(this, "send failed: " + describe(error));
                            }
                        });
            }
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!isActive()) {
                // Closed or replaced: read on (and ignore) so that the server's close frame still arrives.
                webSocket.request(1);
                return null;
            }
            message.append(data);
            if (message.length() > settings.maxMessageChars()) {
                message.setLength(0);
                String reason = "message over " + settings.maxMessageChars() + " chars";
                handler.onError(name + " stream: " + reason);
                dropped(this, reason);
                return null;
            }
            if (last) {
                String text = message.toString();
                message.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String text) {
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                handler.onError(name + " stream: a message is not JSON: " + BybitWire.abbreviate(text));
                return;
            }
            String op = node.path("op").asText();
            if ("pong".equals(op) || "ping".equals(op) && "pong".equals(node.path("ret_msg").asText())) {
                ponged();
                return;
            }
            try {
                handler.onMessage(node);
            } catch (RuntimeException e) {
                handler.onError(name + " stream: cannot handle " + BybitWire.abbreviate(text) + ": " + e);
            }
        }

        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer.complete(null);
            dropped(this, "closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedByServer.complete(null);
            dropped(this, "connection failed: " + describe(error));
        }

        /** Stops pings and cuts the connection; used on a drop, where no goodbye is owed. */
        void abort() {
            cancelTimers();
            WebSocket webSocket = socket;
            if (webSocket != null) {
                webSocket.abort();
            }
        }

        /** Sends a close frame and waits (bounded) for the server's, then cuts the connection. */
        void closeCleanly(Duration timeout) {
            cancelTimers();
            WebSocket webSocket = socket;
            if (webSocket == null) {
                return;
            }
            try {
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                        .thenCompose(ignored -> closedByServer)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // The server did not answer the close in time: cut it.
            } finally {
                webSocket.abort();
            }
        }

        private void cancelTimers() {
            synchronized (ReconnectingWebSocket.this) {
                if (pings != null) {
                    pings.cancel(false);
                }
                if (pongDeadline != null) {
                    pongDeadline.cancel(false);
                    pongDeadline = null;
                }
            }
        }
    }
}
