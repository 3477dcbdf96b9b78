package dev.slipstream.execution.venue.bybit.stream;

import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.WAIT;
import static dev.slipstream.execution.venue.bybit.stream.RecordingPrivateListener.nextContaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.execution.venue.bybit.BybitCredentials;
import dev.slipstream.execution.venue.bybit.BybitSigner;
import dev.slipstream.execution.venue.bybit.fake.FakeBybitStreams;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Opening and closing: connect and handshake timeouts are bounded, and close says goodbye. */
class StreamConnectionTest {

    private static final BybitCredentials CREDENTIALS = new BybitCredentials("fake-key", "fake-secret");
    private static final StreamSettings SHORT = new StreamSettings(Duration.ofMillis(300), Duration.ofSeconds(5),
            Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(1600), 1 << 20, Duration.ofMillis(300),
            Duration.ofSeconds(10), 50);

    /** A connect timeout well above the handshake one: start() still waits when a handshake deadline hits. */
    private static final StreamSettings PATIENT_CONNECT = new StreamSettings(Duration.ofSeconds(3),
            SHORT.pingInterval(), SHORT.pongTimeout(), SHORT.initialBackoff(), SHORT.maxBackoff(),
            SHORT.maxMessageChars(), SHORT.handshakeTimeout(), SHORT.authExpiry(), SHORT.bookDepth());

    private static final Pattern RECONNECT_DELAY = Pattern.compile("reconnecting in (\\d+) ms");

    private static BybitPrivateWebSocket privateStream(URI uri, StreamSettings settings) {
        return new BybitPrivateWebSocket(uri, new BybitSigner(CREDENTIALS), settings, Clock.systemUTC());
    }

    @Test
    void aServerThatNeverAnswersTheUpgradeFailsTheStartWithinTheTimeouts() throws Exception {
        RecordingPrivateListener listener = new RecordingPrivateListener();
        // Accepts TCP connections (the backlog does) but never speaks HTTP.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                BybitPrivateWebSocket stream = privateStream(
                        URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/v5/private"), SHORT)) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> stream.start(listener))
                    .isInstanceOf(BybitStreamException.class)
                    .hasMessage("the Bybit private stream was not authenticated and subscribed within 600 ms");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT);
            assertThat(nextContaining(listener.errors, "cannot connect to ws://127.0.0.1:" + silent.getLocalPort()))
                    .startsWith("private stream dropped");
        }
    }

    @Test
    void anAuthThatIsNeverAcknowledgedDropsTheConnectionAndRetriesWithGrowingBackoff() throws Exception {
        RecordingPrivateListener listener = new RecordingPrivateListener();
        try (FakeBybitStreams fake = FakeBybitStreams.start(CREDENTIALS);
                BybitPrivateWebSocket stream = privateStream(fake.privateUri(), PATIENT_CONNECT)) {
            fake.answerAuth(false);

            assertThatThrownBy(() -> stream.start(listener)).isInstanceOf(BybitStreamException.class);

            // Connections that open but never get subscribed do not reset the backoff: 1st, 2nd, 3rd retry.
            long[][] bands = {{50, 100}, {100, 200}, {200, 400}};
            for (long[] band : bands) {
                String drop = nextContaining(listener.errors, "auth and subscribe not acknowledged within 300 ms");
                Matcher delay = RECONNECT_DELAY.matcher(drop);
                assertThat(delay.find()).as(drop).isTrue();
                assertThat(Long.parseLong(delay.group(1))).as(drop).isBetween(band[0], band[1]);
            }
        }
    }

    @Test
    void closeSendsACloseFrameAndStopsReconnecting() throws Exception {
        RecordingPrivateListener listener = new RecordingPrivateListener();
        try (FakeBybitStreams fake = FakeBybitStreams.start(CREDENTIALS)) {
            BybitPrivateWebSocket stream = privateStream(fake.privateUri(), PATIENT_CONNECT);
            stream.start(listener);

            stream.close();

            fake.await("the close frame", WAIT, () -> fake.closeFrames() == 1 && fake.openConnections() == 0);
            assertThat(listener.errors).as("a close is not a drop").isEmpty();
            assertThat(fake.privateConnections()).isEqualTo(1);
        }
    }
}
