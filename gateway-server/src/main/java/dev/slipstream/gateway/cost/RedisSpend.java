package dev.slipstream.gateway.cost;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Budget counters and the spend ledger in Redis, shared by every replica. Every change is one Lua script
 * or one atomic increment, over Lettuce's asynchronous API.
 *
 * <p>Layout: a budget counter is a string (micro-dollars, expiring after its period); the ledger is one hash
 * per UTC day, {@code slipstream:ledger:<day>}, with fields {@code <measure>|<tenant>|<key id>|<model>}
 * (tenants and key ids cannot contain '|'), kept for {@value #LEDGER_RETENTION_DAYS} days.
 */
public final class RedisSpend implements SpendCounters, SpendLedger {
    private static final Logger logger = LoggerFactory.getLogger(RedisSpend.class);
    private static final String COUNTER_PREFIX = "slipstream:";
    private static final String LEDGER_PREFIX = "slipstream:ledger:";
    private static final String[] MEASURES = {"cost", "requests", "input", "output"};

    /** KEYS[1] counter; ARGV amount, limit, ttl ms. 1 when reserved, 0 when it would pass the limit. */
    private static final String RESERVE =
            "local v = tonumber(redis.call('GET', KEYS[1]) or '0') " +
            "if v + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return 0 end " +
            "redis.call('INCRBY', KEYS[1], ARGV[1]) redis.call('PEXPIRE', KEYS[1], ARGV[3]) return 1";
    /** KEYS[1] counter; ARGV amount. Keeps the counter's expiry; gives one to a counter that has none. */
    private static final String ADJUST =
            "redis.call('INCRBY', KEYS[1], ARGV[1]) " +
            "if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 1";
    /** KEYS[1] the day's hash; ARGV the four fields, then cost, input, output, then the ttl in seconds. */
    private static final String RECORD =
            "redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[5]) redis.call('HINCRBY', KEYS[1], ARGV[2], 1) " +
            "redis.call('HINCRBY', KEYS[1], ARGV[3], ARGV[6]) redis.call('HINCRBY', KEYS[1], ARGV[4], ARGV[7]) " +
            "redis.call('EXPIRE', KEYS[1], ARGV[8]) return 1";
    private static final Duration ADJUSTED_COUNTER_TTL = Duration.ofDays(32);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private final Duration ledgerRetention;

    /** @param ledgerRetentionDays how long a day's ledger hash outlives its last record */
    public RedisSpend(String redisUri, Duration commandTimeout, int ledgerRetentionDays) {
        ledgerRetention = Duration.ofDays(ledgerRetentionDays);
        final RedisURI uri = RedisURI.create(redisUri);
        uri.setTimeout(commandTimeout);
        client = RedisClient.create(uri);
        connection = client.connect();
        redis = connection.async();
    }

    @Override
    public CompletableFuture<Boolean> reserve(String counter, long micros, long limit, Duration ttl) {
        return redis.<Long>eval(RESERVE, ScriptOutputType.INTEGER, new String[] {COUNTER_PREFIX + counter},
                                Long.toString(micros), Long.toString(limit), Long.toString(ttl.toMillis()))
                    .thenApply(reserved -> reserved == 1L)
                    .toCompletableFuture();
    }

    @Override
    public void adjust(String counter, long micros) {
        redis.<Long>eval(ADJUST, ScriptOutputType.INTEGER, new String[] {COUNTER_PREFIX + counter},
                         Long.toString(micros), Long.toString(ADJUSTED_COUNTER_TTL.toMillis()))
             .exceptionally(failure -> logFailure("budget counter " + counter, failure));
    }

    @Override
    public void record(SpendKey key, long costMicrosUsd, long inputTokens, long outputTokens) {
        final String suffix = '|' + key.tenant() + '|' + key.keyId() + '|' + key.model();
        redis.<Long>eval(RECORD, ScriptOutputType.INTEGER, new String[] {LEDGER_PREFIX + key.day()},
                         MEASURES[0] + suffix, MEASURES[1] + suffix, MEASURES[2] + suffix, MEASURES[3] + suffix,
                         Long.toString(costMicrosUsd), Long.toString(inputTokens), Long.toString(outputTokens),
                         Long.toString(ledgerRetention.toSeconds()))
             .exceptionally(failure -> logFailure("ledger of " + key, failure));
    }

    @Override
    public CompletableFuture<List<SpendRow>> rows(LocalDate from, LocalDate to) {
        final List<CompletableFuture<List<SpendRow>>> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            final LocalDate thisDay = day;
            days.add(redis.hgetall(LEDGER_PREFIX + day).thenApply(fields -> rowsOf(thisDay, fields))
                          .toCompletableFuture());
        }
        return CompletableFuture.allOf(days.toArray(CompletableFuture[]::new)).thenApply(unused -> {
            final List<SpendRow> rows = new ArrayList<>();
            days.forEach(day -> rows.addAll(day.join()));
            return rows;
        });
    }

    private static List<SpendRow> rowsOf(LocalDate day, Map<String, String> fields) {
        final List<SpendRow> rows = new ArrayList<>();
        fields.forEach((field, value) -> {
            final String[] parts = field.split("\\|", 4);
            if (MEASURES[0].equals(parts[0])) {
                final String suffix = field.substring(MEASURES[0].length());
                rows.add(new SpendRow(new SpendKey(day, parts[1], parts[2], parts[3]), Long.parseLong(value),
                                      count(fields, MEASURES[1] + suffix), count(fields, MEASURES[2] + suffix),
                                      count(fields, MEASURES[3] + suffix)));
            }
        });
        return rows;
    }

    private static long count(Map<String, String> fields, String field) {
        final String value = fields.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static <T> T logFailure(String what, Throwable failure) {
        // The call it accounts for has been served; the failure is visible here and in Redis' own metrics.
        logger.warn("{}: update in Redis failed: {}", what, failure.toString());
        return null;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
