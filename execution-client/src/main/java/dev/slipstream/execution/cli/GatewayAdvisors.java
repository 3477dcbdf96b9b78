package dev.slipstream.execution.cli;

import static java.util.Objects.requireNonNull;

import dev.slipstream.execution.advisor.GrpcAdvisor;
import dev.slipstream.execution.advisor.GrpcImpactAdvisor;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.strategy.Advisor;
import dev.slipstream.execution.strategy.ImpactAdvisor;
import java.net.URI;

/** The gateway's two advisors, ExecutionDecision for {@code adaptive} and ImpactAdjustment for {@code adaptive-is}. */
record GatewayAdvisors(Advisor decisions, ImpactAdvisor impact) {

    GatewayAdvisors {
        requireNonNull(decisions, "decisions");
        requireNonNull(impact, "impact");
    }

    /** Both over gRPC to {@code gateway}, with the limits' advisor timeout as each call's deadline. */
    static GatewayAdvisors grpc(URI gateway, String apiKey, SafetyLimits limits) {
        return new GatewayAdvisors(new GrpcAdvisor(gateway, apiKey, limits),
                new GrpcImpactAdvisor(gateway, apiKey, limits.advisorTimeout()));
    }
}
