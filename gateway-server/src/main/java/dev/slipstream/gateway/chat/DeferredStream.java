package dev.slipstream.gateway.chat;

import java.util.function.Supplier;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.provider.ChatProvider.StreamHandle;

/** A stream that starts later (after an asynchronous step); cancelling it first keeps it from starting. */
public final class DeferredStream implements StreamHandle {
    private final Runnable onCancel;
    @Nullable
    private StreamHandle upstream;
    private boolean cancelled;

    /** @param onCancel runs once, on the first {@link #cancel()} */
    public DeferredStream(Runnable onCancel) {
        this.onCancel = onCancel;
    }

    /** Starts the stream unless it was cancelled; returns false if it was. */
    public synchronized boolean start(Supplier<StreamHandle> starter) {
        if (cancelled) {
            return false;
        }
        upstream = starter.get();
        return true;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void cancel() {
        final StreamHandle started;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            started = upstream;
        }
        onCancel.run();
        if (started != null) {
            started.cancel();
        }
    }
}
