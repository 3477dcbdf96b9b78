package dev.slipstream.execution.venue.bybit.stream;

import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.WAIT;
import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.next;
import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.nextContaining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.venue.bybit.BybitCredentials;
import dev.slipstream.execution.venue.bybit.BybitSigner;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitStreams;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code {"op":"ping"}} on schedule, and a connection whose pongs stop is found dead and replaced. */
class StreamLivenessTest {

    private static final BybitCredentials CREDENTIALS = new BybitCredentials("fake-key", "fake-secret");
    private static final Duration PING_INTERVAL = Duration.ofMillis(300);
    private static final Duration PONG_TIMEOUT = Duration.ofMillis(250);
    private static final StreamSettings SETTINGS = StreamSettings.DEFAULT
            .withPing(PING_INTERVAL, PONG_TIMEOUT)
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));

    private FakeBybitStreams fake;
    private BybitPrivateWebSocket stream;
    private final RecordingPrivateListener listener = new RecordingPrivateListener();

    @BeforeEach
    void start() {
        fake = FakeBybitStreams.start(CREDENTIALS);
        stream = new BybitPrivateWebSocket(fake.privateUri(), new BybitSigner(CREDENTIALS), SETTINGS,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stream.close();
        fake.close();
    }

    @Test
    void pingsFollowTheIntervalAndAnsweredPingsKeepTheConnection() throws Exception {
        long started = System.nanoTime();
        stream.start(listener);

        fake.await("three pings", WAIT, () -> fake.pings() >= 3);

        // The first ping goes one interval after the connection opened, then one per interval: never sooner.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(PING_INTERVAL.multipliedBy(3));
        assertThat(stream.connectionsOpened()).isEqualTo(1);
        assertThat(listener.errors).isEmpty();
    }

    @Test
    void aConnectionWithoutPongsIsDroppedAndReplaced() throws Exception {
        stream.start(listener);
        fake.answerPings(false);

        assertThat(nextContaining(listener.errors, "no pong within " + PONG_TIMEOUT.toMillis() + " ms"))
                .startsWith("private stream dropped");
        fake.answerPings(true);

        assertThat(next(listener.reconnects, "reconnect after the dead connection")).isEqualTo(1);
        assertThat(fake.authSuccesses()).isEqualTo(2);
        assertThat(fake.subscriptions("order")).isEqualTo(2);
        assertThat(stream.connectionsOpened()).isEqualTo(2);
    }
}
