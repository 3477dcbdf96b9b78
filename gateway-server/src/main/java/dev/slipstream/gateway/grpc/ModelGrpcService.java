package dev.slipstream.gateway.grpc;

import static java.util.Objects.requireNonNull;

import dev.slipstream.api.gateway.v1.ListModelsRequest;
import dev.slipstream.api.gateway.v1.ListModelsResponse;
import dev.slipstream.api.gateway.v1.ModelInfo;
import dev.slipstream.api.gateway.v1.ModelServiceGrpc;
import dev.slipstream.gateway.routing.ListedModel;
import dev.slipstream.gateway.routing.Router;
import io.grpc.stub.StreamObserver;

/** {@code slipstream.gateway.v1.ModelService}: the configured model aliases and routes. */
public final class ModelGrpcService extends ModelServiceGrpc.ModelServiceImplBase {
    private final ListModelsResponse response;

    public ModelGrpcService(Router router, String defaultModel) {
        requireNonNull(router, "router");
        requireNonNull(defaultModel, "defaultModel");
        final ListModelsResponse.Builder builder = ListModelsResponse.newBuilder();
        for (ListedModel model : router.models()) {
            builder.addModels(ModelInfo.newBuilder()
                                       .setName(model.name())
                                       .setProvider(model.provider())
                                       .setProviderModel(model.providerModel())
                                       .setContextWindowTokens(model.contextWindowTokens())
                                       .setIsDefault(model.name().equals(defaultModel))
                                       .addAllTargets(model.targets())
                                       .setStrategy(model.strategy()));
        }
        response = builder.build();
    }

    @Override
    public void listModels(ListModelsRequest request, StreamObserver<ListModelsResponse> responseObserver) {
        responseObserver.onNext(response);
        responseObserver.onCompleted();
    }
}
