package dev.slipstream.context;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.jspecify.annotations.Nullable;

/** Each tenant's sessions ordered for listing, as Redis keeps them in one sorted set per tenant. */
final class InMemoryTenantIndex {
    private final ConcurrentMap<String, NavigableSet<IndexEntry>> byTenant = new ConcurrentHashMap<>();

    void add(String tenant, IndexEntry entry) {
        byTenant.computeIfAbsent(tenant, unused -> new ConcurrentSkipListSet<>(IndexEntry.NEWEST_FIRST))
                .add(entry);
    }

    void remove(String tenant, IndexEntry entry) {
        final NavigableSet<IndexEntry> entries = byTenant.get(tenant);
        if (entries != null) {
            entries.remove(entry);
        }
    }

    /** Up to {@code limit} entries after {@code cursor} (from the newest when it is {@code null}). */
    List<IndexEntry> read(String tenant, @Nullable PageCursor cursor, int limit) {
        final NavigableSet<IndexEntry> entries = byTenant.get(tenant);
        if (entries == null) {
            return List.of();
        }
        final NavigableSet<IndexEntry> after = cursor == null ? entries : entries.tailSet(cursor.last(), false);
        final List<IndexEntry> read = new ArrayList<>(limit);
        for (IndexEntry entry : after) {
            if (read.size() == limit) {
                break;
            }
            read.add(entry);
        }
        return read;
    }
}
