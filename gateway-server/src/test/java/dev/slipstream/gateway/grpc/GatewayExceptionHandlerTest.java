package dev.slipstream.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.stream.ClosedStreamException;
import com.linecorp.armeria.server.ServiceRequestContext;

import io.grpc.Metadata;
import io.grpc.Status;

class GatewayExceptionHandlerTest {
    private final GatewayExceptionHandler handler = new GatewayExceptionHandler();
    private final ServiceRequestContext ctx = ServiceRequestContext.of(HttpRequest.of(HttpMethod.POST, "/x"));

    @Test
    void aStreamTheCallerClosedIsCancelledNotAnInternalError() {
        final Status status = handler.apply(ctx, Status.UNKNOWN, new CompletionException(ClosedStreamException.get()),
                                            new Metadata());

        assertThat(status.getCode()).isEqualTo(Status.Code.CANCELLED);
    }

    @Test
    void anythingElseUnexpectedIsInternalWithoutItsMessage() {
        final Metadata metadata = new Metadata();
        final Status status = handler.apply(ctx, Status.UNKNOWN, new IllegalStateException("secret detail"),
                                            metadata);

        assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(status.getDescription()).isEqualTo("internal error (see gateway log)");
    }
}
