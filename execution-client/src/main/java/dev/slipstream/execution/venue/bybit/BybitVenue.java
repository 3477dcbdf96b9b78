package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.order.ChildOrder;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.venue.BookEvent;
import dev.slipstream.execution.venue.Fill;
import dev.slipstream.execution.venue.MarketSnapshot;
import dev.slipstream.execution.venue.OrderBook;
import dev.slipstream.execution.venue.OrderStatus;
import dev.slipstream.execution.venue.VenueListener;
import dev.slipstream.execution.venue.bybit.rest.BybitException;
import dev.slipstream.execution.venue.bybit.rest.BybitRestClient;
import dev.slipstream.execution.venue.bybit.rest.InstrumentRules;
import dev.slipstream.execution.venue.bybit.rest.OrderRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trades one symbol on Bybit: children go out over REST (orderLinkId = child id, rounded to the instrument's rules
 * first, refused locally when they round to nothing), fills come from the private stream's executions, de-duplicated
 * by execId, and from REST reconciliation of open orders — after every stream reconnect and every
 * {@link BybitVenueConfig#reconcileInterval()}. Snapshots carry the touch from the public stream (REST order book
 * when the stream has none) and volume and volatility from one-minute klines.
 */
public final class BybitVenue implements LiveVenue, PrivateStreamListener, PublicStreamListener {

    private static final Logger LOG = LoggerFactory.getLogger(BybitVenue.class);

    private record Touch(double bid, double ask, Instant time) {}

    private final BybitRestClient rest;
    private final InstrumentRules rules;
    private final BybitVenueConfig config;
    private final VenueEvents events;
    private final Clock clock;
    private final List<VenueListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, TrackedOrder> orders = new LinkedHashMap<>();
    private volatile @Nullable Touch touch;
    private KlineStats klines = KlineStats.NONE;
    private @Nullable Instant klinesAt;
    private Instant reconciledAt;
    private Instant clockSyncedAt;
    private volatile @Nullable String haltReason;

    public BybitVenue(BybitRestClient rest, InstrumentRules rules, BybitVenueConfig config, VenueEvents events,
            Clock clock) {
        this.rest = requireNonNull(rest, "rest");
        this.rules = requireNonNull(rules, "rules");
        this.config = requireNonNull(config, "config");
        this.events = requireNonNull(events, "events");
        this.clock = requireNonNull(clock, "clock");
        this.reconciledAt = clock.instant();
        this.clockSyncedAt = clock.instant();
    }

    @Override
    public Instrument instrument() {
        return rules.toInstrument();
    }

    @Override
    public OrderStatus place(ChildOrder requested) {
        TrackedOrder known = tracked(requested.id());
        if (known != null) {
            synchronized (this) {
                return known.status();
            }
        }
        BigDecimal quantity = rules.roundQuantity(requested.quantity());
        BigDecimal price = requested.limitPrice() == null ? null
                : rules.roundPrice(requested.limitPrice(), requested.side());
        ChildOrder child = new ChildOrder(requested.id(), requested.parentId(), requested.sequence(),
                requested.symbol(), requested.side(), quantity, price, requested.createdAt());
        TrackedOrder order = new TrackedOrder(child);
        synchronized (this) {
            orders.put(child.id(), order);
        }
        if (haltReason() != null) {
            return settle(order, OrderStatus.State.REJECTED);
        }
        Optional<String> violation;
        try {
            violation = rules.violation(quantity, price != null ? price : referencePrice(child), price == null);
        } catch (BybitException e) {
            LOG.warn("child {} not sent: no price to check its notional against: {}", child.id(), e.getMessage());
            return settle(order, OrderStatus.State.REJECTED);
        }
        if (violation.isPresent()) {
            LOG.warn("child {} not sent: {}", child.id(), violation.get());
            return settle(order, OrderStatus.State.REJECTED);
        }
        try {
            rest.createOrder(price == null ? OrderRequest.market(child.symbol(), child.side(), quantity, child.id())
                    : OrderRequest.limit(child.symbol(), child.side(), quantity, price, OrderRequest.TimeInForce.GTC,
                            child.id()));
            synchronized (this) {
                order.acknowledge();
            }
            if (price == null) {
                readBack(order);
            }
        } catch (BybitException.TransportFailure e) {
            // The outcome is unknown: the order may be live. It stays open until reconciliation finds out.
            LOG.warn("child {}: {}; reconciling it later", child.id(), e.getMessage());
        } catch (BybitException.TradingHalted e) {
            haltReason = e.getMessage();
            return settle(order, OrderStatus.State.REJECTED);
        } catch (BybitException e) {
            LOG.warn("child {} refused: {}", child.id(), e.getMessage());
            return settle(order, OrderStatus.State.REJECTED);
        }
        synchronized (this) {
            return order.status();
        }
    }

    /**
     * A market order Bybit acknowledged is done at once; its outcome (e.g. cancelled for want of liquidity) is read
     * now so the engine can schedule what did not fill. Missing from the query, or a failed query, only leaves it
     * to reconciliation.
     */
    private void readBack(TrackedOrder order) {
        try {
            reconcile(List.of(order));
        } catch (BybitException e) {
            LOG.warn("child {}: reading it back failed ({}); reconciling it later", order.child().id(),
                    e.getMessage());
        }
    }

    /** What a market child would pay: the touch it crosses. */
    private BigDecimal referencePrice(ChildOrder child) {
        Touch current = currentTouch();
        return BigDecimal.valueOf(child.side() == Side.BUY ? current.ask() : current.bid());
    }

    private synchronized OrderStatus settle(TrackedOrder order, OrderStatus.State state) {
        order.settleLocally(state);
        return order.status();
    }

    @Override
    public boolean cancel(String childId) {
        TrackedOrder order = tracked(childId);
        return order != null && rest.cancelOrder(order.child().symbol(), childId);
    }

    @Override
    public Optional<OrderStatus> query(String childId) {
        TrackedOrder order = tracked(childId);
        if (order == null) {
            return Optional.empty();
        }
        synchronized (this) {
            return Optional.of(order.status());
        }
    }

    @Override
    public void subscribe(VenueListener listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }

    @Override
    public @Nullable String haltReason() {
        return haltReason != null ? haltReason : rest.isHalted() ? "Bybit answered HTTP 403" : null;
    }

    @Override
    public void tick() {
        events.call(() -> {
            Instant now = clock.instant();
            if (!now.isBefore(clockSyncedAt.plus(config.clockSyncInterval()))) {
                rest.syncTime();
                clockSyncedAt = now;
            }
            if (!now.isBefore(reconciledAt.plus(config.reconcileInterval()))) {
                reconcile();
            }
            if (klinesAt == null || !now.isBefore(klinesAt.plus(config.klineRefresh()))) {
                klines = KlineStats.of(rest.klines(rules.symbol(), "1", config.klineWindow()));
                klinesAt = now;
            }
            Touch current = currentTouch();
            MarketSnapshot snapshot = new MarketSnapshot(now, current.bid(), current.ask(), klines.lastBarVolume(),
                    klines.volatility());
            listeners.forEach(listener -> listener.onMarketData(snapshot));
            return null;
        });
    }

    /** The stream's touch; the REST order book when the stream has given none yet. */
    private Touch currentTouch() {
        Touch current = touch;
        if (current != null) {
            return current;
        }
        BookEvent.Snapshot book = rest.orderBook(rules.symbol(), 1);
        if (book.bids().isEmpty() || book.asks().isEmpty()) {
            throw new IllegalStateException(rules.symbol() + ": the order book has an empty side");
        }
        return new Touch(book.bids().getFirst().price().doubleValue(), book.asks().getFirst().price().doubleValue(),
                book.time());
    }

    /** Asks Bybit for every order not known to be done and passes on the fills the stream did not deliver. */
    public void reconcile() {
        reconciledAt = clock.instant();
        List<TrackedOrder> open;
        synchronized (this) {
            open = orders.values().stream().filter(order -> !order.isDone()).toList();
        }
        reconcile(open);
    }

    private void reconcile(List<TrackedOrder> open) {
        List<Fill> missed = new ArrayList<>();
        for (TrackedOrder order : open) {
            Optional<BybitOrderUpdate> update = rest.order(order.child().symbol(), order.child().id());
            synchronized (this) {
                if (update.isPresent()) {
                    order.reconcile(update.get()).ifPresent(missed::add);
                } else if (!order.isAcknowledged() && !order.isDone()) {
                    LOG.warn("child {} unknown to Bybit after an unanswered create: not placed", order.child().id());
                    order.settleLocally(OrderStatus.State.REJECTED);
                }
            }
        }
        missed.forEach(this::publish);
    }

    @Override
    public void onOrder(BybitOrderUpdate update) {
        synchronized (this) {
            TrackedOrder order = orders.get(update.orderLinkId());
            if (order != null) {
                order.onUpdate(update);
            }
        }
    }

    @Override
    public void onExecution(BybitExecution execution) {
        Optional<Fill> fill;
        synchronized (this) {
            TrackedOrder order = orders.get(execution.orderLinkId());
            fill = order == null ? Optional.empty() : order.onExecution(execution);
        }
        fill.ifPresent(this::publish);
    }

    @Override
    public void onReconnected() {
        events.execute(this::reconcile);
    }

    @Override
    public void onStreamError(String message) {
        LOG.warn("Bybit stream: {}", message);
    }

    /** The private stream gave up (auth or subscription refused): without it the venue stops trading. */
    @Override
    public void onStreamFailed(String reason) {
        haltReason = "the private stream failed: " + reason;
        LOG.error("ALERT {}", haltReason);
    }

    @Override
    public void onBook(String symbol, OrderBook book, Instant time) {
        if (!book.isEmpty()) {
            touch = new Touch(book.bestBid().getKey().doubleValue(), book.bestAsk().getKey().doubleValue(), time);
        }
    }

    @Override
    public void onTrade(BybitTrade trade) {
        // Volume comes from klines, which count every trade once even across stream drops.
    }

    @Override
    public void onTicker(BybitTicker ticker) {
        if (touch == null && ticker.bid1Price().signum() > 0 && ticker.ask1Price().signum() > 0) {
            touch = new Touch(ticker.bid1Price().doubleValue(), ticker.ask1Price().doubleValue(), clock.instant());
        }
    }

    private void publish(Fill fill) {
        events.execute(() -> listeners.forEach(listener -> listener.onFill(fill)));
    }

    private synchronized @Nullable TrackedOrder tracked(String childId) {
        return orders.get(childId);
    }

    @Override
    public void close() {
        // The streams and the event thread belong to whoever opened them.
    }
}
