package dev.slipstream.gateway.grpc;

import static java.util.Objects.requireNonNull;

import dev.slipstream.api.gateway.v1.ListModelsRequest;
import dev.slipstream.api.gateway.v1.ListModelsResponse;
import dev.slipstream.api.gateway.v1.ModelInfo;
import dev.slipstream.api.gateway.v1.ModelServiceGrpc;
import dev.slipstream.gateway.chat.ModelCatalog;
import dev.slipstream.gateway.chat.ResolvedModel;
import io.grpc.stub.StreamObserver;

/** {@code slipstream.gateway.v1.ModelService}: the configured aliases. */
public final class ModelGrpcService extends ModelServiceGrpc.ModelServiceImplBase {
    private final ListModelsResponse response;

    public ModelGrpcService(ModelCatalog catalog) {
        requireNonNull(catalog, "catalog");
        final ListModelsResponse.Builder builder = ListModelsResponse.newBuilder();
        for (ResolvedModel model : catalog.aliases()) {
            builder.addModels(ModelInfo.newBuilder()
                                       .setName(model.name())
                                       .setProvider(model.provider().name())
                                       .setProviderModel(model.providerModel())
                                       .setContextWindowTokens(model.contextWindowTokens())
                                       .setIsDefault(model.name().equals(catalog.defaultAlias())));
        }
        response = builder.build();
    }

    @Override
    public void listModels(ListModelsRequest request, StreamObserver<ListModelsResponse> responseObserver) {
        responseObserver.onNext(response);
        responseObserver.onCompleted();
    }
}
