package dev.slipstream.execution.venue.bybit;

/** Receives our orders' updates and trades from the private stream. */
public interface PrivateStreamListener {

    void onOrder(BybitOrderUpdate update);

    void onExecution(BybitExecution execution);

    /**
     * The stream came back after a drop and is authenticated and subscribed again. Messages may have been lost
     * while it was down, so the listener reconciles its open orders over REST.
     */
    void onReconnected();
}
