package dev.slipstream.execution.venue.bybit.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.execution.venue.bybit.BybitSigner;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one Bybit v5 call: signs the exact query string or JSON body it puts on the wire, reads the envelope, and
 * retries what is safe to retry — 10006 after the announced reset, 10002 after a clock resync, 5xx and network
 * failures after a backoff. Every call the client makes is idempotent (orders carry their orderLinkId), so a retry
 * never trades twice. An HTTP 403 halts the transport for good.
 */
final class BybitTransport {

    private static final Logger LOG = LoggerFactory.getLogger(BybitTransport.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIME_PATH = "/v5/market/time";

    private final HttpClient http;
    private final URI base;
    private final @Nullable BybitSigner signer;
    private final BybitRestConfig config;
    private final ServerClock clock;
    private final RateLimitGate gate;
    private final RateLimitGate.Sleeper sleeper;
    private volatile @Nullable String haltedBecause;

    BybitTransport(URI base, @Nullable BybitSigner signer, BybitRestConfig config, ServerClock clock,
            RateLimitGate.Sleeper sleeper) {
        this.base = requireNonNull(base, "base");
        this.signer = signer;
        this.config = requireNonNull(config, "config");
        this.clock = requireNonNull(clock, "clock");
        this.gate = new RateLimitGate(clock);
        this.sleeper = requireNonNull(sleeper, "sleeper");
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Measures the offset between this machine's clock and Bybit's. */
    void syncTime() {
        long sentAt = clock.localMillis();
        JsonNode envelope = call(TIME_PATH, "GET", Map.of(), null, false, false);
        long receivedAt = clock.localMillis();
        JsonNode nanos = envelope.path("result").path("timeNano");
        long serverMillis = nanos.isMissingNode() ? envelope.path("time").asLong()
                : Long.parseLong(nanos.asText()) / 1_000_000;
        clock.observe(serverMillis, sentAt, receivedAt);
        LOG.debug("Bybit clock offset {} ms", clock.offsetMillis());
    }

    JsonNode get(String path, Map<String, String> query, boolean signed) {
        return call(path, "GET", query, null, signed, true).path("result");
    }

    JsonNode post(String path, ObjectNode body) {
        return call(path, "POST", Map.of(), body, true, true).path("result");
    }

    boolean isHalted() {
        return haltedBecause != null;
    }

    private JsonNode call(String path, String method, Map<String, String> query, @Nullable ObjectNode body,
            boolean signed, boolean mayResync) {
        BybitException last = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            boolean resetTooFar = gate.waitFor(path).compareTo(config.maxRateLimitWait()) > 0;
            if (last instanceof BybitException.RateLimited && resetTooFar) {
                throw last;
            }
            if (attempt > 1 && !(last instanceof BybitException.TimestampRejected)) {
                pause(last instanceof BybitException.RateLimited
                        ? max(config.backoff(attempt - 1), gate.waitFor(path)) : config.backoff(attempt - 1));
            }
            try {
                return once(path, method, query, body, signed);
            } catch (BybitException.RateLimited | BybitException.TransportFailure e) {
                LOG.warn("Bybit {} {}: {} (attempt {} of {})", method, path, e.getMessage(), attempt,
                        config.maxAttempts());
                last = e;
            } catch (BybitException.TimestampRejected e) {
                if (!mayResync) {
                    throw e;
                }
                LOG.warn("Bybit {} {}: {}; resyncing the clock", method, path, e.getMessage());
                syncTime();
                last = e;
            }
        }
        throw requireNonNull(last);
    }

    private JsonNode once(String path, String method, Map<String, String> query, @Nullable ObjectNode body,
            boolean signed) {
        String halted = haltedBecause;
        if (halted != null) {
            throw new BybitException.TradingHalted(halted);
        }
        awaitRateLimit(path);
        String queryString = queryString(query);
        String payload = body == null ? queryString : write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        base.resolve(path + (queryString.isEmpty() ? "" : "?" + queryString)))
                .timeout(config.requestTimeout());
        if (body == null) {
            request.GET();
        } else {
            request.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json");
        }
        if (signed) {
            sign(request, payload);
        }
        HttpResponse<String> response = send(request.build(), method, path);
        recordLimits(path, response);
        if (response.statusCode() == 403) {
            halt(method + " " + path + " answered HTTP 403: Bybit blocked this IP; trading stopped (wait at least "
                    + "10 minutes, then restart)");
        }
        if (response.statusCode() >= 500) {
            throw new BybitException.TransportFailure(method + " " + path + ": HTTP " + response.statusCode(), null);
        }
        JsonNode envelope = parse(response, method, path);
        int retCode = envelope.path("retCode").asInt(-1);
        if (retCode == 0) {
            return envelope;
        }
        BybitException failure = BybitException.forRetCode(retCode, envelope.path("retMsg").asText(), path);
        if (failure instanceof BybitException.RateLimited) {
            gate.exhausted(path, resetTimestamp(response).orElse(clock.nowMillis()));
        }
        throw failure;
    }

    private void sign(HttpRequest.Builder request, String payload) {
        if (signer == null) {
            throw new IllegalStateException("a signed Bybit call needs credentials (set "
                    + "BYBIT_API_KEY and BYBIT_API_SECRET)");
        }
        long timestamp = clock.nowMillis();
        long recvWindow = config.recvWindow().toMillis();
        request.header("X-BAPI-API-KEY", signer.apiKey())
                .header("X-BAPI-TIMESTAMP", Long.toString(timestamp))
                .header("X-BAPI-RECV-WINDOW", Long.toString(recvWindow))
                .header("X-BAPI-SIGN", signer.signRequest(timestamp, recvWindow, payload));
    }

    private HttpResponse<String> send(HttpRequest request, String method, String path) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BybitException.TransportFailure(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BybitException.TransportFailure(method + " " + path + ": interrupted", e);
        }
    }

    private void awaitRateLimit(String path) {
        try {
            if (!gate.await(path, config.maxRateLimitWait(), sleeper)) {
                throw new BybitException.RateLimited(10006, path + ": client-side limit spent for "
                        + gate.waitFor(path).toMillis() + " ms more (longer than maxRateLimitWait "
                        + config.maxRateLimitWait().toMillis() + " ms)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BybitException.TransportFailure(path + ": interrupted waiting for the rate limit", e);
        }
    }

    private void halt(String reason) {
        haltedBecause = reason;
        LOG.error("ALERT {}", reason);
        throw new BybitException.TradingHalted(reason);
    }

    private void recordLimits(String path, HttpResponse<?> response) {
        OptionalLong remaining = header(response, "X-Bapi-Limit-Status");
        OptionalLong reset = resetTimestamp(response);
        if (remaining.isPresent() && reset.isPresent()) {
            gate.record(path, remaining.getAsLong(), reset.getAsLong());
        }
    }

    private static OptionalLong resetTimestamp(HttpResponse<?> response) {
        return header(response, "X-Bapi-Limit-Reset-Timestamp");
    }

    private static OptionalLong header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).map(value -> {
            try {
                return OptionalLong.of(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }).orElse(OptionalLong.empty());
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BybitException.TransportFailure("interrupted during a retry backoff", e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response, String method, String path) {
        try {
            JsonNode envelope = JSON.readTree(response.body());
            if (envelope != null && envelope.has("retCode")) {
                return envelope;
            }
        } catch (JsonProcessingException e) {
            // Not a Bybit envelope: reported below with the status.
        }
        String body = response.body();
        throw new BybitException.Rejected(-1, method + " " + path + ": HTTP " + response.statusCode()
                + " without a Bybit envelope: " + body.substring(0, Math.min(200, body.length())));
    }

    private static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a request body", e);
        }
    }

    /** {@code k=v&…} in the given order, URL-encoded; the same string is signed and sent. */
    static String queryString(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
