package dev.slipstream.execution.venue.bybit.fake;

import com.linecorp.armeria.common.websocket.WebSocketFrame;
import com.linecorp.armeria.common.websocket.WebSocketWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One client connected to the fake: what it subscribed to, whether it authenticated, and its outbound frames. */
final class FakeConnection {

    final String connId;
    final boolean privateChannel;
    final Set<String> topics = ConcurrentHashMap.newKeySet();
    volatile boolean authenticated;
    private final WebSocketWriter out;

    FakeConnection(String connId, boolean privateChannel, WebSocketWriter out) {
        this.connId = connId;
        this.privateChannel = privateChannel;
        this.out = out;
    }

    /** Sends one message, split into frames of {@code fragmentChars} when that is positive. */
    synchronized void send(String text, int fragmentChars) {
        if (!out.isOpen()) {
            return;
        }
        if (fragmentChars <= 0 || text.length() <= fragmentChars) {
            out.tryWrite(WebSocketFrame.ofText(text));
            return;
        }
        for (int start = 0; start < text.length(); start += fragmentChars) {
            String part = text.substring(start, Math.min(text.length(), start + fragmentChars));
            boolean last = start + fragmentChars >= text.length();
            out.tryWrite(start == 0 ? WebSocketFrame.ofText(part, false) : WebSocketFrame.ofContinuation(part, last));
        }
    }

    /** Cuts the connection without a close handshake, as a network failure would. */
    void drop() {
        out.abort();
    }
}
