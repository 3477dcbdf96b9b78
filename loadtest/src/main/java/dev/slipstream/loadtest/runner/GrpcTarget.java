package dev.slipstream.loadtest.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import com.google.protobuf.Message;
import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.common.CommonPools;

import dev.slipstream.api.gateway.v1.ChatServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;

/**
 * One gRPC method called through grpc-java's async call API ({@link ClientCalls}) on Armeria channels, one
 * per connection, calls spread round robin; a server stream counts as one call that ends with its status.
 */
final class GrpcTarget implements CallTarget {
    private final ProtoMethods.Method method;
    private final RequestData data;
    private final Map<String, CallTemplate> metadata;
    private final Duration timeout;
    private final List<ClientFactory> factories = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final @Nullable Message[] fixedRequests;

    GrpcTarget(GhzConfig config) {
        this.method = ProtoMethods.find(config.call());
        this.data = RequestData.of(config.data());
        this.metadata = CallTemplate.parseAll(config.metadata());
        this.timeout = config.timeout();
        this.fixedRequests = new Message[data.size()];
        final CallTemplate.CallContext probe = new CallTemplate.CallContext(0, 0, method.names(), Instant.now());
        for (int i = 0; i < data.size(); i++) {
            // Parsed now, so data that does not fit the request type fails before the run starts.
            final Message request = method.request(data.render(
                    new CallTemplate.CallContext(i, 0, method.names(), probe.now())));
            fixedRequests[i] = data.isConstant(i) ? request : null;
        }
        final String uri = (config.insecure() ? "http://" : "https://") + config.host();
        for (int i = 0; i < config.connections(); i++) {
            // A factory has its own connection pool: one factory per connection asked for.
            final ClientFactory factory = ClientFactory.builder().workerGroup(CommonPools.workerGroup(), false)
                                                       .idleTimeoutMillis(0).build();
            factories.add(factory);
            channels.add(GrpcClients.builder(uri).factory(factory)
                                    .responseTimeout(timeout.plusSeconds(1))
                                    .maxResponseLength(0)
                                    .build(ChatServiceGrpc.ChatServiceStub.class).getChannel());
        }
    }

    @Override
    public CompletableFuture<Outcome> call(long requestNumber, int workerId) {
        final CallTemplate.CallContext context =
                new CallTemplate.CallContext(requestNumber, workerId, method.names(), Instant.now());
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        final Message request;
        try {
            final Message fixed = fixedRequests[(int) (requestNumber % fixedRequests.length)];
            request = fixed != null ? fixed : method.request(data.render(context));
        } catch (IllegalArgumentException e) {
            outcome.complete(new Outcome("InvalidArgument", "request data: " + e.getMessage()));
            return outcome;
        }
        Channel channel = channels.get((int) (requestNumber % channels.size()));
        if (!metadata.isEmpty()) {
            final Metadata headers = new Metadata();
            metadata.forEach((key, value) -> headers.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER),
                                                         value.render(context)));
            channel = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        final CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
        final StreamObserver<Message> observer = new StreamObserver<>() {
            @Override
            public void onNext(Message value) {}

            @Override
            public void onError(Throwable t) {
                final Status status = Status.fromThrowable(t);
                // Long numbers (e.g. "deadline exceeded after 4423000000ns") would split one kind into many rows.
                final String description = describe(status).replaceAll("\\d{4,}", "#");
                outcome.complete(new Outcome(status.getCode().name(),
                                             "rpc error: code = " + status.getCode() + " desc = " + description));
            }

            @Override
            public void onCompleted() {
                outcome.complete(Outcome.OK);
            }
        };
        if (method.serverStreaming()) {
            ClientCalls.asyncServerStreamingCall(channel.newCall(method.descriptor(), options), request, observer);
        } else {
            ClientCalls.asyncUnaryCall(channel.newCall(method.descriptor(), options), request, observer);
        }
        return outcome;
    }

    /** The status's description, else its cause (e.g. a refused connection), as ghz shows it. */
    private static String describe(Status status) {
        if (status.getDescription() != null) {
            return status.getDescription();
        }
        Throwable cause = status.getCause();
        while (cause != null && cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause == null ? "" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void close() {
        factories.forEach(ClientFactory::close);
    }
}
