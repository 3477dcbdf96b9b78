package dev.slipstream.execution.venue.bybit.rest;

import static java.util.Objects.requireNonNull;

/**
 * Bybit took the order: its {@code orderId} and our {@code orderLinkId}. {@code alreadyPlaced} says an earlier try
 * had placed it (the retry was answered "duplicate orderLinkId" and the order was found by query).
 */
public record OrderAck(String orderId, String orderLinkId, boolean alreadyPlaced) {

    public OrderAck {
        requireNonNull(orderId, "orderId");
        requireNonNull(orderLinkId, "orderLinkId");
    }
}
