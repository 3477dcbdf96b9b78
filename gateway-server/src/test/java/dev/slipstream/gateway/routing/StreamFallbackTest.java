package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.PRIMARY;
import static dev.slipstream.gateway.routing.RoutingFixture.SECONDARY;
import static dev.slipstream.gateway.routing.RoutingFixture.attempts;
import static dev.slipstream.gateway.routing.RoutingFixture.retries;
import static dev.slipstream.gateway.routing.RoutingFixture.streamRequest;
import static dev.slipstream.gateway.routing.RoutingFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.rpc.ErrorInfo;

import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.gateway.config.BreakerConfig;
import dev.slipstream.gateway.provider.fake.FakeProvider;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Acceptance 6: a stream falls back only before its first chunk reached the caller; once chunks went out, a
 * failure ends it with UNAVAILABLE saying how much was delivered.
 */
class StreamFallbackTest {
    /** The role-only event, then the three content chunks of {@link FakeProvider#REPLY_CHUNKS}. */
    private static final int EVENTS_BEFORE_THE_CUT = 1 + FakeProvider.REPLY_CHUNKS.size();

    private static RoutingFixture routing;

    @BeforeAll
    static void start() {
        routing = RoutingFixture.fallback(target("primary", "model-a", 0, retries(2), BreakerConfig.DEFAULT));
    }

    @AfterAll
    static void stop() {
        routing.close();
    }

    @AfterEach
    void reset() {
        routing.primary.reset();
        routing.secondary.reset();
    }

    @Test
    void streamCutAfterThreeChunksEndsUnavailableWithWhatWasDelivered() throws Exception {
        routing.primary.dropStreamsAfter(EVENTS_BEFORE_THE_CUT);

        final List<String> deltas = new ArrayList<>();
        StatusRuntimeException error = null;
        final Iterator<StreamCompleteResponse> stream = routing.gateway.chat().streamComplete(streamRequest());
        try {
            stream.forEachRemaining(chunk -> deltas.add(chunk.getContentDelta()));
        } catch (StatusRuntimeException e) {
            error = e;
        }

        assertThat(deltas).containsExactlyElementsOf(FakeProvider.REPLY_CHUNKS);
        assertThat(error).isNotNull();
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        final ErrorInfo info = StatusProto.fromThrowable(error).getDetails(0).unpack(ErrorInfo.class);
        assertThat(info.getReason()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(info.getMetadataMap()).containsEntry("delivered_chunks", "3")
                                         .containsEntry("delivered_chars",
                                                        String.valueOf(FakeProvider.REPLY.length()));
        // A retry before the first chunk is allowed (a pooled connection may have died with an earlier cut
        // stream); after it, the stream ends: the chunks above came once, and the cut attempt was the last.
        assertThat(info.getMetadataMap().get("route_attempts")).endsWith(PRIMARY + ": PROVIDER_UNAVAILABLE")
                                                              .doesNotContain(SECONDARY);
        assertThat(routing.secondary.received()).as("no fallback after chunks went out").isEmpty();
    }

    @Test
    void streamFailingBeforeItsFirstChunkIsServedWholeByTheFallback() {
        routing.primary.failWith(503);

        final List<StreamCompleteResponse> chunks = new ArrayList<>();
        routing.gateway.chat().streamComplete(streamRequest()).forEachRemaining(chunks::add);

        final StreamCompleteResponse last = chunks.get(chunks.size() - 1);
        assertThat(chunks.subList(0, chunks.size() - 1)).extracting(StreamCompleteResponse::getContentDelta)
                                                        .containsExactlyElementsOf(FakeProvider.REPLY_CHUNKS);
        assertThat(last.getProvider()).isEqualTo("secondary");
        assertThat(last.getFallback()).isTrue();
        assertThat(attempts(last.getRouteAttemptsList())).containsExactly(
                PRIMARY + " FAILED 503", PRIMARY + " FAILED 503", SECONDARY + " SUCCEEDED");
    }
}
