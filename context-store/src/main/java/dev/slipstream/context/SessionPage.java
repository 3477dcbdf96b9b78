package dev.slipstream.context;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a tenant's sessions, most recently updated first.
 *
 * @param nextPageToken pass it to {@link ContextStore#list} for the next page; {@code null} on the last
 *        page. A page may hold fewer sessions than asked for (sessions that expired meanwhile are left
 *        out) and still have a next page.
 */
public record SessionPage(List<SessionInfo> sessions, @Nullable String nextPageToken) {
    public SessionPage {
        sessions = List.copyOf(sessions);
    }
}
