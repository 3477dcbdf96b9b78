package dev.slipstream.context;

import static dev.slipstream.context.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InMemoryContextStoreTest extends ContextStoreContract {
    @Override
    ContextStore newStore(ContextStoreLimits limits, Clock clock) {
        return InMemoryContextStore.builder().limits(limits).clock(clock).build();
    }

    @Test
    void holdsNoMoreThanMaximumSessions() throws InterruptedException {
        try (ContextStore store = InMemoryContextStore.builder().maximumSessions(5).build()) {
            final List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(result(store.create(tenant(), null, Map.of(), List.of())).id());
            }

            // Caffeine evicts in its maintenance task, shortly after the writes.
            final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (present(store, ids) > 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(present(store, ids)).isLessThanOrEqualTo(5);
            assertThat(result(store.list(tenant(), 0, null)).sessions()).hasSizeLessThanOrEqualTo(5);
        }
    }

    private long present(ContextStore store, List<String> ids) {
        return ids.stream()
                  .filter(id -> store.get(tenant(), id).toCompletableFuture().handle((s, e) -> e == null).join())
                  .count();
    }
}
