package dev.slipstream.context;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The entries of one listing page, and where the next page starts. */
record IndexPage(List<IndexEntry> entries, @Nullable PageCursor next) {
    /**
     * Cuts a page out of index entries read as {@code pageSize + 1}: the extra entry is not shown, it
     * only tells that another page follows.
     */
    static IndexPage cut(List<IndexEntry> read, int pageSize) {
        if (read.size() <= pageSize) {
            return new IndexPage(List.copyOf(read), null);
        }
        final List<IndexEntry> entries = List.copyOf(read.subList(0, pageSize));
        return new IndexPage(entries, new PageCursor(entries.get(pageSize - 1)));
    }
}
