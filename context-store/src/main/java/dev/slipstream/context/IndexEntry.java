package dev.slipstream.context;

import java.util.Comparator;

/** A session's place in its tenant's listing: the listing is ordered by last update, newest first. */
record IndexEntry(String sessionId, long updatedMicros) {
    /**
     * Newest first; ties by id, descending. This is the order of Redis's {@code ZREVRANGEBYSCORE}, which
     * orders equal scores by member bytes, descending (ids are ASCII, so bytes and chars agree).
     */
    static final Comparator<IndexEntry> NEWEST_FIRST =
            Comparator.comparingLong(IndexEntry::updatedMicros).reversed()
                      .thenComparing(IndexEntry::sessionId, Comparator.reverseOrder());

    static IndexEntry of(Session session) {
        return new IndexEntry(session.id(), Timestamps.toMicros(session.updatedAt()));
    }
}
