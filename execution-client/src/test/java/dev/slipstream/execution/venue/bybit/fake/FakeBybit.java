package dev.slipstream.execution.venue.bybit.fake;

import java.net.URI;
import java.util.Map;

/**
 * A ready fake Bybit for venue and CLI tests: BTCUSDT listed (tick 0.1, step 0.001, min notional 5) with ten
 * levels a side around 50,000, and the REST server on an ephemeral loopback port.
 */
public final class FakeBybit implements AutoCloseable {

    public static final String SYMBOL = "BTCUSDT";
    public static final String API_KEY = "fake-key";
    public static final String API_SECRET = "fake-secret";

    private final FakeBybitExchange exchange = new FakeBybitExchange(System::currentTimeMillis);
    private final FakeBybitRestServer rest;

    public FakeBybit() {
        exchange.list(SYMBOL, "0.1", "0.001", "0.001", "5");
        exchange.setBids(SYMBOL, levels("50000.0", "-0.1"));
        exchange.setAsks(SYMBOL, levels("50000.1", "0.1"));
        rest = new FakeBybitRestServer(exchange, API_KEY, API_SECRET, 100);
    }

    private static String[] levels(String best, String step) {
        String[] levels = new String[20];
        for (int i = 0; i < 10; i++) {
            levels[2 * i] = new java.math.BigDecimal(best).add(new java.math.BigDecimal(step).multiply(
                    java.math.BigDecimal.valueOf(i))).toPlainString();
            levels[2 * i + 1] = "0.05";
        }
        return levels;
    }

    public FakeBybitExchange exchange() {
        return exchange;
    }

    public FakeBybitRestServer restServer() {
        return rest;
    }

    public URI uri() {
        return rest.uri();
    }

    /** The environment a signed session reads its keys from. */
    public static Map<String, String> environment() {
        return Map.of("BYBIT_API_KEY", API_KEY, "BYBIT_API_SECRET", API_SECRET);
    }

    @Override
    public void close() {
        rest.close();
    }
}
