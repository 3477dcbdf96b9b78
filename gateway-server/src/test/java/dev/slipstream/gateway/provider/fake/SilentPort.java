package dev.slipstream.gateway.provider.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port where connecting hangs, for testing connect timeouts: it listens but never accepts, and
 * its accept queue is kept full, so the kernel leaves further connection attempts unanswered (Linux does).
 */
public final class SilentPort implements AutoCloseable {
    private static final int FILL_ATTEMPT_TIMEOUT_MS = 200;
    private static final int MAX_FILLERS = 16;

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    public SilentPort() {
        try {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            // Connect until an attempt hangs: then the queue is full.
            while (fillers.size() < MAX_FILLERS) {
                final Socket filler = new Socket();
                try {
                    filler.connect(server.getLocalSocketAddress(), FILL_ATTEMPT_TIMEOUT_MS);
                } catch (SocketTimeoutException e) {
                    filler.close();
                    return;
                }
                fillers.add(filler);
            }
            close();
            throw new IllegalStateException("connections to a full accept queue still succeed on this system");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.getLocalSocketAddress()).getPort() + path;
    }

    @Override
    public void close() {
        try {
            for (Socket filler : fillers) {
                filler.close();
            }
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
