package dev.slipstream.context;

import java.util.List;

/** A reply of the session script ({@code session.lua}): a status, then its values. */
record ScriptReply(String status, List<Object> values) {
    static ScriptReply of(List<Object> raw) {
        return new ScriptReply((String) raw.get(0), raw.subList(1, raw.size()));
    }

    /**
     * The values of an {@code ok} reply; any other reply as the exception it stands for.
     *
     * @param sessionId the session the reply is about (for {@code page}, the tenant index), for the exception
     */
    List<Object> values(String sessionId) {
        return switch (status) {
            case "ok" -> values;
            case "not_found" -> throw new SessionNotFoundException(sessionId);
            case "limit" -> throw new ContextLimitExceededException(ContextLimit.valueOf((String) values.get(0)),
                                                                    (Long) values.get(1), (Long) values.get(2));
            default -> throw new IllegalStateException(
                    "unexpected reply of the session script for session " + sessionId + ": " + status + values);
        };
    }

    /** As {@link #values(String)}, for a versioned write that may meet a newer version. */
    List<Object> values(String sessionId, long expectedVersion) {
        if ("conflict".equals(status)) {
            throw new VersionConflictException(sessionId, expectedVersion, (Long) values.get(0));
        }
        return values(sessionId);
    }
}
