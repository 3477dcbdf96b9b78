package dev.slipstream.execution.venue.bybit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fake Bybit's v5 REST surface on 127.0.0.1, over a {@link FakeBybitExchange}: real envelopes
 * ({@code retCode, retMsg, result, retExtInfo, time}), signature and timestamp/recv-window checks on private calls
 * (computed here independently of the client's signer), a per-path request window with the
 * {@code X-Bapi-Limit-*} headers, and scripted faults. It records every request it received.
 */
public final class FakeBybitRestServer implements AutoCloseable {

    /**
     * One request as received: path, arrival time (exchange ms), the retCode answered (or minus the HTTP status)
     * and the query or body.
     */
    public record Received(String path, long time, int retCode, String payload) {}

    private final FakeBybitExchange exchange;
    private final String apiKey;
    private final String apiSecret;
    private final int limitPerSecond;
    private final Server server;
    private final Map<String, Queue<FakeBybitFault>> faults = new ConcurrentHashMap<>();
    private final Map<String, long[]> windows = new HashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** {@code limitPerSecond} requests per path and rolling second are allowed, as Bybit's per-UID limits. */
    public FakeBybitRestServer(FakeBybitExchange exchange, String apiKey, String apiSecret, int limitPerSecond) {
        this.exchange = exchange;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.limitPerSecond = limitPerSecond;
        this.server = Server.builder().http(new InetSocketAddress("127.0.0.1", 0))
                .gracefulShutdownTimeoutMillis(0, 0)
                .service("prefix:/v5/", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(r -> serve(ctx, r))))
                .build();
        server.start().join();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.activeLocalPort());
    }

    /** The next request to {@code path} gets {@code fault}. */
    public void inject(String path, FakeBybitFault fault) {
        faults.computeIfAbsent(path, p -> new ArrayDeque<>()).add(fault);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private HttpResponse serve(ServiceRequestContext ctx, AggregatedHttpRequest request) {
        String path = ctx.path();
        long now = exchange.now();
        Queue<FakeBybitFault> queued = faults.get(path);
        FakeBybitFault fault = queued == null ? null : queued.poll();
        if (fault instanceof FakeBybitFault.HttpStatus status) {
            received.add(new Received(path, now, -status.status(), payload(ctx, request)));
            return HttpResponse.of(HttpStatus.valueOf(status.status()), MediaType.PLAIN_TEXT_UTF_8,
                    "fault " + status.status());
        }
        if (fault instanceof FakeBybitFault.RateLimited limited) {
            long reset = now + limited.resetAfter().toMillis();
            synchronized (windows) {
                windows.put(path, new long[] {reset - 1000, Long.MAX_VALUE / 2});
            }
            return envelope(path, now, 10006, "Too many visits!", null, 0, reset, payload(ctx, request));
        }
        long[] window = admit(path, now);
        String payload = payload(ctx, request);
        if (window[1] > limitPerSecond) {
            return envelope(path, now, 10006, "Too many visits!", null, 0, window[0] + 1000, payload);
        }
        int remaining = (int) (limitPerSecond - window[1]);
        HttpResponse response;
        try {
            if (!path.startsWith("/v5/market/")) {
                verify(request, payload, now);
            }
            response = envelope(path, now, 0, "OK", route(path, request, ctx), remaining, window[0] + 1000, payload);
        } catch (FakeBybitExchange.Refusal refusal) {
            response = envelope(path, now, refusal.retCode, refusal.getMessage(), null, remaining, window[0] + 1000,
                    payload);
        }
        return fault instanceof FakeBybitFault.AnswerLate late ? HttpResponse.delayed(response, late.delay())
                : response;
    }

    /** What was signed: the raw query of a GET, the raw body of a POST. */
    private static String payload(ServiceRequestContext ctx, AggregatedHttpRequest request) {
        return request.method().name().equals("GET") ? ctx.query() == null ? "" : ctx.query() : request.contentUtf8();
    }

    /** Counts the request in its path's one-second window: [window start, requests in it]. */
    private long[] admit(String path, long now) {
        synchronized (windows) {
            long[] window = windows.get(path);
            if (window == null || now >= window[0] + 1000) {
                window = new long[] {now, 0};
                windows.put(path, window);
            }
            window[1]++;
            return window.clone();
        }
    }

    private void verify(AggregatedHttpRequest request, String payload, long now) {
        String key = request.headers().get("X-BAPI-API-KEY", "");
        String timestamp = request.headers().get("X-BAPI-TIMESTAMP", "");
        String recvWindow = request.headers().get("X-BAPI-RECV-WINDOW", "5000");
        String sign = request.headers().get("X-BAPI-SIGN", "");
        if (!key.equals(apiKey)) {
            throw new FakeBybitExchange.Refusal(10003, "API key is invalid.");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new FakeBybitExchange.Refusal(10001, "X-BAPI-TIMESTAMP missing");
        }
        if (!(now - Long.parseLong(recvWindow) <= ts && ts < now + 1000)) {
            throw new FakeBybitExchange.Refusal(10002, "invalid request, please check your server timestamp or "
                    + "recv_window param. req_timestamp[" + ts + "],server_timestamp[" + now + "],recv_window["
                    + recvWindow + "]");
        }
        if (!hmac(timestamp + key + recvWindow + payload).equals(sign)) {
            throw new FakeBybitExchange.Refusal(10004, "error sign! origin_string[" + timestamp + key + recvWindow
                    + payload + "]");
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode route(String path, AggregatedHttpRequest request, ServiceRequestContext ctx) {
        QueryParams query = QueryParams.fromQueryString(ctx.query() == null ? "" : ctx.query());
        String symbol = query.get("symbol", "");
        return switch (path) {
            case "/v5/market/time" -> FakeBybitExchange.JSON.createObjectNode()
                    .put("timeSecond", Long.toString(exchange.now() / 1000))
                    .put("timeNano", Long.toString(exchange.now() * 1_000_000));
            case "/v5/market/instruments-info" -> list(List.of(exchange.rules(symbol)));
            case "/v5/market/orderbook" -> exchange.orderBook(symbol, query.getInt("limit", 25));
            case "/v5/market/tickers" -> list(List.of(exchange.ticker(symbol)));
            case "/v5/market/recent-trade" -> list(exchange.recentTrades(symbol, query.getInt("limit", 60)));
            case "/v5/market/kline" -> {
                ObjectNode result = FakeBybitExchange.JSON.createObjectNode().put("symbol", symbol);
                ArrayNode rows = result.putArray("list");
                exchange.klines(symbol, query.getInt("limit", 200)).forEach(row -> {
                    ArrayNode out = rows.addArray();
                    row.forEach(out::add);
                });
                yield result;
            }
            case "/v5/order/create" -> ack(exchange.create(body(request)));
            case "/v5/order/cancel" -> ack(exchange.cancel(body(request)));
            case "/v5/order/realtime" -> list(exchange.realtime(symbol, query.get("orderLinkId", "")));
            default -> throw new FakeBybitExchange.Refusal(10001, "unknown path " + path);
        };
    }

    private static ObjectNode ack(ObjectNode order) {
        return FakeBybitExchange.JSON.createObjectNode().put("orderId", order.path("orderId").asText())
                .put("orderLinkId", order.path("orderLinkId").asText());
    }

    private static ObjectNode list(List<ObjectNode> items) {
        ObjectNode result = FakeBybitExchange.JSON.createObjectNode().put("category", "linear");
        result.putArray("list").addAll(new ArrayList<>(items));
        return result;
    }

    private static ObjectNode body(AggregatedHttpRequest request) {
        try {
            JsonNode body = FakeBybitExchange.JSON.readTree(request.contentUtf8());
            if (body instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new FakeBybitExchange.Refusal(10001, "request body is not a JSON object");
    }

    private HttpResponse envelope(String path, long now, int retCode, String retMsg, JsonNode result, int remaining,
            long resetAt, String payload) {
        received.add(new Received(path, now, retCode, payload));
        ObjectNode envelope = FakeBybitExchange.JSON.createObjectNode().put("retCode", retCode).put("retMsg", retMsg);
        envelope.set("result", result == null ? FakeBybitExchange.JSON.createObjectNode() : result);
        envelope.putObject("retExtInfo");
        envelope.put("time", now);
        ResponseHeaders headers = ResponseHeaders.builder(HttpStatus.OK).contentType(MediaType.JSON_UTF_8)
                .add("X-Bapi-Limit", Integer.toString(limitPerSecond))
                .add("X-Bapi-Limit-Status", Integer.toString(Math.max(0, remaining)))
                .add("X-Bapi-Limit-Reset-Timestamp", Long.toString(resetAt)).build();
        return HttpResponse.of(headers, com.linecorp.armeria.common.HttpData.ofUtf8(envelope.toString()));
    }

    /** Stops accepting at once; Netty's two-second quiet period of the boss group runs out in the background. */
    @Override
    public void close() {
        server.stop();
    }
}
