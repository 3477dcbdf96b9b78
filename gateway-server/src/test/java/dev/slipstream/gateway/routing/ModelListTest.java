package dev.slipstream.gateway.routing;

import static dev.slipstream.gateway.routing.RoutingFixture.PRIMARY;
import static dev.slipstream.gateway.routing.RoutingFixture.ROUTE;
import static dev.slipstream.gateway.routing.RoutingFixture.SECONDARY;
import static dev.slipstream.gateway.routing.RoutingFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.HttpRequest;

import dev.slipstream.api.gateway.v1.ListModelsRequest;
import dev.slipstream.api.gateway.v1.ModelInfo;
import dev.slipstream.api.gateway.v1.ModelServiceGrpc.ModelServiceBlockingStub;
import dev.slipstream.gateway.testing.RunningGateway;

/** Route aliases are listed with the model aliases, by ModelService.ListModels and by GET /v1/models. */
class ModelListTest {
    private static RoutingFixture routing;

    @BeforeAll
    static void start() {
        routing = RoutingFixture.of("weighted", target("primary", "model-a"), target("secondary", "model-b"),
                                    dev.slipstream.gateway.config.CacheConfig.DEFAULT);
    }

    @AfterAll
    static void stop() {
        routing.close();
    }

    @Test
    void listModelsHasTheRouteWithItsTargetsAndStrategy() {
        final List<ModelInfo> models = routing.gateway.grpcClient().build(ModelServiceBlockingStub.class)
                                                      .listModels(ListModelsRequest.getDefaultInstance())
                                                      .getModelsList();

        assertThat(models).extracting(ModelInfo::getName).containsExactly("local", ROUTE);
        final ModelInfo route = models.get(1);
        assertThat(route.getTargetsList()).containsExactly(PRIMARY, SECONDARY);
        assertThat(route.getStrategy()).isEqualTo("weighted");
        assertThat(route.getProvider()).isEqualTo("primary");
        assertThat(route.getProviderModel()).isEqualTo("model-a");
        assertThat(route.getIsDefault()).isFalse();
        final ModelInfo alias = models.get(0);
        assertThat(alias.getStrategy()).isEmpty();
        assertThat(alias.getTargetsList()).containsExactly(alias.getProvider() + '/' + alias.getProviderModel());
        assertThat(alias.getIsDefault()).isTrue();
    }

    @Test
    void theOpenAiModelListHasTheRouteToo() throws Exception {
        final String json = BlockingWebClient.of(routing.gateway.httpUri()).execute(
                HttpRequest.builder().get("/v1/models")
                           .header("authorization", "Bearer " + RunningGateway.API_KEY).build()).contentUtf8();

        final JsonNode data = new ObjectMapper().readTree(json).get("data");
        assertThat(data).extracting(model -> model.get("id").asText()).containsExactly("local", ROUTE);
        assertThat(data.get(1).get("owned_by").asText()).isEqualTo("primary");
    }
}
