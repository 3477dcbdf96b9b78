package dev.slipstream.loadtest.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import dev.slipstream.context.MessageRole;
import dev.slipstream.context.RedisContextStore;
import dev.slipstream.context.SessionMessage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The session work of one chat turn, timed against a real Redis: load the session, then append the user
 * turn and the reply at the version just read. Turns arrive at a fixed rate (open loop), spread over many
 * sessions; turns on one session run one after another, as the gateway's version check makes them.
 */
@Command(name = "bench-sessions", mixinStandardHelpOptions = true,
         description = "Session load+append latency against Redis at a fixed turn rate (open loop).")
public final class SessionStoreBenchmark implements Callable<Integer> {
    private static final String TENANT = "bench";
    private static final String USER_TURN = "Slice a 5 BTC buy over the next hour; what next?";
    private static final String REPLY = "Send 0.42 BTC now as a limit order one tick inside the spread.";

    @Option(names = "--redis", required = true, description = "redis://host:port of the store")
    String redisUri;

    @Option(names = "--rps", defaultValue = "1000", description = "turns per second")
    int rps;

    @Option(names = "--sessions", defaultValue = "500", description = "sessions the turns are spread over")
    int sessions;

    @Option(names = "--warmup-s", defaultValue = "10", description = "seconds of unmeasured warm-up")
    int warmupSeconds;

    @Option(names = "--duration-s", defaultValue = "30", description = "measured seconds")
    int durationSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SessionStoreBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        try (RedisContextStore store = RedisContextStore.builder(redisUri).build()) {
            final List<String> ids = new ArrayList<>(sessions);
            for (int i = 0; i < sessions; i++) {
                ids.add(store.create(TENANT, Duration.ofHours(1), Map.of(), List.of())
                             .toCompletableFuture().join().id());
            }
            final List<CompletableFuture<?>> lastTurn = new ArrayList<>(sessions);
            for (int i = 0; i < sessions; i++) {
                lastTurn.add(CompletableFuture.completedFuture(null));
            }
            final int[] next = {0};
            final BenchRun result = BenchRun.run("load + append (2 messages)", rps, Duration.ofSeconds(warmupSeconds),
                                                 Duration.ofSeconds(durationSeconds), 50_000, () -> {
                final int session = next[0]++ % sessions;
                final String id = ids.get(session);
                // Chained after the session's previous turn: its latency includes waiting for that turn.
                final CompletableFuture<?> turn = lastTurn.get(session).handle((ignored, error) -> null)
                        .thenCompose(ignored -> store.get(TENANT, id))
                        .thenCompose(loaded -> store.append(TENANT, id, loaded.version(), turnMessages()))
                        .toCompletableFuture();
                lastTurn.set(session, turn);
                return turn;
            });
            System.out.println(report(result));
            return result.clean() ? 0 : 1;
        }
    }

    private static List<SessionMessage> turnMessages() {
        final Instant now = Instant.now();
        return List.of(new SessionMessage(MessageRole.USER, USER_TURN, 12, now),
                       new SessionMessage(MessageRole.ASSISTANT, REPLY, 15, now));
    }

    private String report(BenchRun result) {
        return String.format(Locale.ROOT, "Open loop at %d turns/s over %d sessions, %d s warm-up, %d s measured.%n%n",
                             rps, sessions, warmupSeconds, durationSeconds) +
               BenchRun.MARKDOWN_HEADER + result.markdownRow() + result.errorSummary();
    }
}
