package dev.slipstream.execution.venue.bybit;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * Where one Bybit environment answers: REST, the public stream of one product category, and the private stream.
 * Tests point all three at a local fake.
 */
public record BybitEndpoints(URI rest, URI publicStream, URI privateStream) {

    public BybitEndpoints {
        requireNonNull(rest, "rest");
        requireNonNull(publicStream, "publicStream");
        requireNonNull(privateStream, "privateStream");
    }

    public static BybitEndpoints mainnet(String category) {
        return new BybitEndpoints(URI.create("https://api.bybit.com"),
                URI.create("wss://stream.bybit.com/v5/public/" + category),
                URI.create("wss://stream.bybit.com/v5/private"));
    }

    public static BybitEndpoints testnet(String category) {
        return new BybitEndpoints(URI.create("https://api-testnet.bybit.com"),
                URI.create("wss://stream-testnet.bybit.com/v5/public/" + category),
                URI.create("wss://stream-testnet.bybit.com/v5/private"));
    }
}
