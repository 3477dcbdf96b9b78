package dev.slipstream.context;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How sessions are encoded in Redis: the fields of the session hash, and each message as compact JSON
 * in the message list, for example {@code {"r":"user","c":"Hello","n":2,"t":1732170000123456}}
 * (role, content, token count, timestamp in microseconds).
 */
final class RedisSessionCodec {
    static final String TENANT = "tenant";
    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String TTL = "ttl";
    static final String VERSION = "version";
    static final String COUNT = "count";
    static final String METADATA = "metadata";
    static final String SUMMARY = "summary";
    static final String SUMMARY_THROUGH = "summaryThrough";

    /** The hash fields a listing reads: everything but the summary. */
    static final String[] INFO_FIELDS = { TENANT, CREATED, UPDATED, TTL, VERSION, COUNT, METADATA };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> METADATA_TYPE = new TypeReference<>() {};

    /** A message as the list holds it; one-letter names keep long conversations small. */
    record StoredMessage(String r, String c, int n, long t) {}

    static String encodeMessage(SessionMessage message) {
        return write(new StoredMessage(message.role().name().toLowerCase(Locale.ROOT), message.content(),
                                       message.tokenCount(), Timestamps.toMicros(message.timestamp())));
    }

    static SessionMessage decodeMessage(String json) {
        try {
            final StoredMessage stored = JSON.readValue(json, StoredMessage.class);
            return new SessionMessage(MessageRole.valueOf(stored.r().toUpperCase(Locale.ROOT)), stored.c(),
                                      stored.n(), Timestamps.fromMicros(stored.t()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw corrupt("message " + json, e);
        }
    }

    static String encodeMetadata(Map<String, String> metadata) {
        return write(metadata);
    }

    static Session decodeSession(String sessionId, Map<String, String> hash, List<String> messages) {
        final List<SessionMessage> decoded = new ArrayList<>(messages.size());
        for (String message : messages) {
            decoded.add(decodeMessage(message));
        }
        final String summaryText = hash.get(SUMMARY);
        final String summaryThrough = hash.get(SUMMARY_THROUGH);
        final RunningSummary summary =
                summaryText == null ? null
                                    : new RunningSummary(summaryText, summaryThrough == null
                                                                      ? null : Integer.valueOf(summaryThrough));
        return new Session(sessionId, field(hash, TENANT), micros(hash, CREATED), micros(hash, UPDATED),
                           ttl(hash), Long.parseLong(field(hash, VERSION)), decoded, summary, metadata(hash));
    }

    static SessionInfo decodeInfo(String sessionId, Map<String, String> hash) {
        return new SessionInfo(sessionId, micros(hash, CREATED), micros(hash, UPDATED), ttl(hash),
                               Long.parseLong(field(hash, VERSION)), Integer.parseInt(field(hash, COUNT)),
                               metadata(hash));
    }

    private static Duration ttl(Map<String, String> hash) {
        return Duration.ofMillis(Long.parseLong(field(hash, TTL)));
    }

    private static Instant micros(Map<String, String> hash, String name) {
        return Timestamps.fromMicros(Long.parseLong(field(hash, name)));
    }

    private static Map<String, String> metadata(Map<String, String> hash) {
        try {
            return JSON.readValue(field(hash, METADATA), METADATA_TYPE);
        } catch (JsonProcessingException e) {
            throw corrupt("metadata " + hash.get(METADATA), e);
        }
    }

    private static String field(Map<String, String> hash, String name) {
        final @Nullable String value = hash.get(name);
        if (value == null) {
            throw corrupt("session hash without field " + name, null);
        }
        return value;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static IllegalStateException corrupt(String what, @Nullable Throwable cause) {
        return new IllegalStateException("corrupt session data in Redis: " + what, cause);
    }

    private RedisSessionCodec() {}
}
