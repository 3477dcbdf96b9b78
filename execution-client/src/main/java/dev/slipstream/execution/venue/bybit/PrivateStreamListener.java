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

    /**
     * Trouble the stream handles by itself (a drop before a reconnect, a message it cannot read). The default logs
     * it.
     */
    default void onStreamError(String message) {
        System.getLogger(PrivateStreamListener.class.getName()).log(System.Logger.Level.WARNING, message);
    }

    /**
     * The stream has stopped for good (Bybit refused the auth or the subscription): no more updates will come, so
     * trading on this stream must stop. The default logs it.
     */
    default void onStreamFailed(String reason) {
        System.getLogger(PrivateStreamListener.class.getName()).log(System.Logger.Level.ERROR, reason);
    }
}
