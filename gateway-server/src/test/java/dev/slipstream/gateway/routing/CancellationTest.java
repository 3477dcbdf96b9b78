package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.PRIMARY;
import static dev.slipstream.gateway.routing.RoutingFixture.attempts;
import static dev.slipstream.gateway.routing.RoutingFixture.request;
import static dev.slipstream.gateway.routing.RoutingFixture.streamRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc.ChatServiceStub;
import dev.slipstream.api.gateway.v1.StreamCompleteRequest;
import dev.slipstream.api.gateway.v1.StreamCompleteResponse;
import dev.slipstream.gateway.config.BulkheadConfig;
import dev.slipstream.gateway.config.TargetConfig;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/** A caller that goes away mid-stream gives its target's bulkhead slot back. */
class CancellationTest {
    private static RoutingFixture routing;

    @BeforeAll
    static void start() {
        routing = RoutingFixture.fallback(new TargetConfig("primary", "model-a", null, null, null, null,
                                                           new BulkheadConfig(1)));
    }

    @AfterAll
    static void stop() {
        routing.close();
    }

    @Test
    void cancelledStreamFreesTheBulkheadSlot() throws Exception {
        routing.primary.answerAfter(Duration.ofSeconds(30));
        final CompletableFuture<ClientCallStreamObserver<StreamCompleteRequest>> call = new CompletableFuture<>();
        routing.gateway.grpcClient().build(ChatServiceStub.class).streamComplete(
                streamRequest(), new ClientResponseObserver<StreamCompleteRequest, StreamCompleteResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<StreamCompleteRequest> requests) {
                        call.complete(requests);
                    }

                    @Override
                    public void onNext(StreamCompleteResponse value) {}

                    @Override
                    public void onError(Throwable t) {}

                    @Override
                    public void onCompleted() {}
                });
        awaitInFlight(1);

        call.join().cancel("the caller went away", null);
        awaitInFlight(0);

        routing.primary.answerNormally();
        assertThat(attempts(routing.gateway.chat().complete(request()))).containsExactly(PRIMARY + " SUCCEEDED");
    }

    private static void awaitInFlight(int expected) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (inFlight() != expected) {
            assertThat(System.nanoTime()).as("in-flight calls to the primary reach " + expected).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int inFlight() {
        return routing.health(PRIMARY).getInFlightCalls();
    }
}
