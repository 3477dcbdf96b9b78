package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.venue.bybit.rest.BybitRestClient;
import dev.slipstream.execution.venue.bybit.rest.InstrumentRules;
import dev.slipstream.execution.venue.bybit.stream.BybitPrivateWebSocket;
import dev.slipstream.execution.venue.bybit.stream.BybitPublicWebSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One symbol's venue, opened per {@link BybitSessionSettings}: the REST client (clock synced, instrument rules
 * read), the market data (public WebSocket or REST polling) and, for testnet and mainnet, the signed venue with
 * keys from the environment only, its private stream authenticated and subscribed before the first order. Closing
 * it closes everything it opened.
 */
public final class BybitTradingSession implements AutoCloseable {

    private final BybitRestClient rest;
    private final InstrumentRules rules;
    private final LiveVenue venue;
    private final VenueEvents events;
    private final List<AutoCloseable> opened;

    private BybitTradingSession(BybitRestClient rest, InstrumentRules rules, LiveVenue venue, VenueEvents events,
            List<AutoCloseable> opened) {
        this.rest = rest;
        this.rules = rules;
        this.venue = venue;
        this.events = events;
        this.opened = opened;
    }

    /** {@code environment} supplies BYBIT_API_KEY and BYBIT_API_SECRET for testnet and mainnet. */
    public static BybitTradingSession open(BybitSessionSettings settings, Map<String, String> environment,
            Clock clock) {
        requireNonNull(settings, "settings");
        BybitEndpoints endpoints = settings.endpoints();
        BybitSigner signer = settings.mode() == BybitMode.PAPER ? null
                : new BybitSigner(BybitCredentials.fromEnvironment(environment));
        var rest = new BybitRestClient(endpoints.rest(), signer, settings.rest());
        rest.syncTime();
        InstrumentRules rules = rest.instrument(settings.symbol());
        List<AutoCloseable> opened = new ArrayList<>();
        var events = new VenueEvents();
        opened.add(events);
        try {
            LiveVenue venue;
            PublicStreamListener marketListener;
            if (signer == null) {
                var paper = new PaperVenue(rules.toInstrument(), events, clock.instant());
                venue = paper;
                marketListener = paper;
            } else {
                var live = new BybitVenue(rest, rules, settings.venue(), events, clock);
                venue = live;
                marketListener = live;
                opened.add(live);
                var orders = new BybitPrivateWebSocket(endpoints.privateStream(), signer, settings.streams(),
                        rest.serverClock());
                opened.add(orders);
                orders.start(live);
            }
            BybitPublicStream market = settings.marketData() == BybitSessionSettings.MarketData.WEBSOCKET
                    ? new BybitPublicWebSocket(endpoints.publicStream(), settings.streams())
                    : new RestPollingPublicStream(rest, settings.marketDataPoll(), settings.streams().bookDepth());
            opened.add(market);
            market.subscribe(settings.symbol(), marketListener);
            return new BybitTradingSession(rest, rules, venue, events, opened);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    public LiveVenue venue() {
        return venue;
    }

    public BybitRestClient rest() {
        return rest;
    }

    public InstrumentRules rules() {
        return rules;
    }

    /** The thread the venue's listeners run on; read the engine there. */
    public VenueEvents events() {
        return events;
    }

    @Override
    public void close() {
        closeAll(opened);
    }

    /** Last opened first; best effort, so one failure does not keep the rest open. */
    private static void closeAll(List<AutoCloseable> opened) {
        for (AutoCloseable closeable : opened.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing is best effort: the rest still closes.
            }
        }
    }
}
