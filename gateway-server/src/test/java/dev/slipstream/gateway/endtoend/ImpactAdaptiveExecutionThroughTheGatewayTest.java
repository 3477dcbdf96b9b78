package dev.slipstream.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.slipstream.execution.advisor.GrpcImpactAdvisor;
import dev.slipstream.execution.engine.ExecutionEngine;
import dev.slipstream.execution.engine.JsonlAuditLog;
import dev.slipstream.execution.impact.PowerLawImpact;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.risk.SafetyValidator;
import dev.slipstream.execution.strategy.ImpactAdaptiveShortfall;
import dev.slipstream.execution.strategy.ImpactAdvisor;
import dev.slipstream.execution.strategy.ImpactAnswer;
import dev.slipstream.execution.strategy.ShortfallCoefficients;
import dev.slipstream.execution.venue.SimulatedClock;
import dev.slipstream.execution.venue.SimulatedVenue;
import dev.slipstream.execution.venue.SpreadModel;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.provider.fake.ReceivedChat;
import dev.slipstream.gateway.testing.PromptGateways;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * The impact-adaptive IS strategy asks this gateway's {@code ImpactAdjustment} (a scripted OpenAI fake behind the
 * shipped impact-adjustment template) every five minutes while a parent order replays over real January 2022 bars.
 * The model's factor 1.8 re-plans the remainder more slowly; after the gateway stops, the questions fail and the
 * last plan carries the order to completion by its deadline.
 */
class ImpactAdaptiveExecutionThroughTheGatewayTest {

    private static final Instant START = Instant.parse("2022-01-12T14:00:00Z");
    private static final Duration HORIZON = Duration.ofMinutes(30);
    private static final Instant GATEWAY_STOP = START.plus(Duration.ofMinutes(12));
    private static final Duration ADVISOR_TIMEOUT = Duration.ofSeconds(5);
    private static final SafetyLimits LIMITS = new SafetyLimits(0.25, new BigDecimal("5000000"),
                                                                Duration.ofSeconds(30), 10, 1000, 100, 0.01, 10,
                                                                ADVISOR_TIMEOUT);
    /** Per minute, in dollars: a moderately front-loaded trajectory (κ ≈ 0.06 per minute) at factor 1. */
    private static final ShortfallCoefficients COEFFICIENTS = new ShortfallCoefficients(40, 2, 50, 5, 1e-4);
    private static final String MODEL_SEES_A_THIN_BOOK = """
            {"adjustment_factor": 1.8, "factor_low": 1.5, "factor_high": 2.0, "adjusted_impact_bps": 9.0,
             "confidence": 0.7, "reasoning": "Thin ask depth and one-sided flow: impact will run above the model."}""";

    @TempDir
    Path templates;

    @Test
    void theModelsFactorReplansTheOrderAndItCompletesAfterTheGatewayStops() {
        var fake = new FakeOpenAi();
        fake.answerWith(MODEL_SEES_A_THIN_BOOK);
        RunningGateway gateway = PromptGateways.startWithShippedTemplates(fake, templates);
        try {
            var parent = new ParentOrder("E2E2", "BTCUSDT", Side.BUY, new BigDecimal("3"), START,
                                         START.plus(HORIZON), new BigDecimal("43000"), 0);
            var grpc = new GrpcImpactAdvisor(URI.create(gateway.httpUri()), RunningGateway.API_KEY, ADVISOR_TIMEOUT);
            var lastQuestion = new AtomicReference<CompletableFuture<ImpactAnswer>>(
                    CompletableFuture.completedFuture(null));
            ImpactAdvisor paced = question -> {
                lastQuestion.set(grpc.adjust(question));
                return lastQuestion.get();
            };
            var strategy = new ImpactAdaptiveShortfall(parent, Replays.BTC_PERP, COEFFICIENTS, Duration.ofMinutes(1),
                                                       paced, Duration.ofMinutes(5), ADVISOR_TIMEOUT);
            var clock = new SimulatedClock(START.minus(Duration.ofHours(1)));
            var venue = new SimulatedVenue(Replays.barsAround(parent), Replays.BTC_PERP,
                                           PowerLawImpact.squareRoot(0.7, 0.5), SpreadModel.constant(0.5), clock);
            var audit = new StringWriter();
            var engine = new ExecutionEngine(parent, Replays.BTC_PERP, strategy, new SafetyValidator(LIMITS), LIMITS,
                                             venue, clock, new JsonlAuditLog(audit));

            List<JsonNode> records = Replays.runStoppingGatewayAt(
                    GATEWAY_STOP, gateway, engine, venue, clock,
                    () -> lastQuestion.get().handle((answer, failure) -> null).orTimeout(10, TimeUnit.SECONDS)
                                      .exceptionally(late -> null).join(),
                    audit);

            List<JsonNode> replans = records.stream().filter(r -> "MODEL".equals(r.get("source").asText())).toList();
            assertThat(replans).hasSizeGreaterThanOrEqualTo(2).allSatisfy(r -> {
                assertThat(r.get("reasoning").asText()).startsWith("impact factor 1.80 (confidence 0.70)")
                                                       .endsWith("impact will run above the model.");
                assertThat(Replays.after(r, GATEWAY_STOP)).isFalse();
            });
            // The first re-plan slows the order down from the unadjusted trajectory.
            assertThat(replans.getFirst().get("action").asText()).isEqualTo("DECELERATE");
            assertThat(records.stream().filter(r -> Replays.after(r, GATEWAY_STOP))
                              .filter(r -> "FALLBACK".equals(r.get("source").asText())))
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("reasoning").asText())
                            .startsWith("impact advisor failed: ").contains("UNAVAILABLE"));
            assertThat(strategy.fallbackRate()).isGreaterThan(0);

            // What the model saw: the shipped template filled with the strategy's question.
            List<ReceivedChat> asked = fake.received();
            assertThat(asked).hasSize(replans.size());
            String question = asked.getFirst().turns().getLast().text();
            assertThat(question).contains("\"symbol\":\"BTCUSDT\"", "\"side\":\"BUY\"", "\"quantity\":3.0",
                                          "\"model\":\"almgren_chriss\"", "\"time_left_seconds\":1800.0");
        } finally {
            gateway.close();
            fake.stop().join();
        }
    }
}
