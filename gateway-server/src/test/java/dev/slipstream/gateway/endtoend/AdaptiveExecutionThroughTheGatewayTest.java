package dev.slipstream.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.slipstream.execution.advisor.GrpcAdvisor;
import dev.slipstream.execution.advisor.PacedAdvisor;
import dev.slipstream.execution.engine.ExecutionEngine;
import dev.slipstream.execution.engine.JsonlAuditLog;
import dev.slipstream.execution.impact.PowerLawImpact;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.risk.SafetyLimits;
import dev.slipstream.execution.risk.SafetyValidator;
import dev.slipstream.execution.strategy.AdaptiveStrategy;
import dev.slipstream.execution.strategy.ScheduleFollowingStrategy;
import dev.slipstream.execution.strategy.TwapSchedule;
import dev.slipstream.execution.venue.RecordingVenue;
import dev.slipstream.execution.venue.SimulatedClock;
import dev.slipstream.execution.venue.SimulatedVenue;
import dev.slipstream.execution.venue.SpreadModel;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.PromptGateways;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * The execution client's adaptive TWAP asks this gateway, whose model is a scripted OpenAI fake, for every other
 * decision while a parent order replays over real January 2022 bars; halfway through the gateway is stopped.
 * The order still completes by its deadline, the audit log shows the model's decisions before the stop and the
 * fallback to TWAP, with its reason, after it, and every child sent keeps to the limits.
 */
class AdaptiveExecutionThroughTheGatewayTest {

    private static final Instant START = Instant.parse("2022-01-12T14:00:00Z");
    private static final Duration HORIZON = Duration.ofMinutes(30);
    private static final Instant GATEWAY_STOP = START.plus(HORIZON.dividedBy(2));
    /** Generous for a shared CI machine; the test never waits longer than this per bar. */
    private static final Duration ADVISOR_TIMEOUT = Duration.ofSeconds(5);
    private static final SafetyLimits LIMITS = new SafetyLimits(0.25, new BigDecimal("5000000"),
            Duration.ofSeconds(30), 10, 1000, 100, 0.01, 10, ADVISOR_TIMEOUT);
    /** TWAP sends 0.1 a minute; the model asks for half as much again. */
    private static final String MODEL_SPEEDS_UP = """
            {"action": "ACCELERATE", "quantity": 0.15, "order_type": "MARKET", "limit_price": null,
             "wait_seconds": null, "rate_multiplier": 1.5, "confidence": 0.7,
             "reasoning": "Tight spread and steady volume: get ahead of the schedule.",
             "risk_assessment": "Running ahead pays a little more impact."}""";

    @TempDir
    Path templates;

    @Test
    void theOrderCompletesOnTwapAfterTheGatewayStopsAndTheAuditLogShowsTheSwitch() {
        var fake = new FakeOpenAi();
        fake.answerWith(MODEL_SPEEDS_UP);
        RunningGateway gateway = PromptGateways.startWithShippedTemplates(fake, templates);
        try {
            var parent = new ParentOrder("E2E1", "BTCUSDT", Side.BUY, new BigDecimal("3"), START,
                                         START.plus(HORIZON), new BigDecimal("43000"), 0);
            var advisor = new PacedAdvisor(new GrpcAdvisor(URI.create(gateway.httpUri()), RunningGateway.API_KEY,
                                                           LIMITS), ADVISOR_TIMEOUT.multipliedBy(2));
            var strategy = new AdaptiveStrategy(new ScheduleFollowingStrategy(
                    "twap", TwapSchedule.build(parent, Replays.BTC_PERP, Duration.ofMinutes(1), 0,
                                              new SplittableRandom(1))),
                                                advisor, ADVISOR_TIMEOUT);
            var clock = new SimulatedClock(START.minus(Duration.ofHours(1)));
            var simulated = new SimulatedVenue(Replays.barsAround(parent), Replays.BTC_PERP,
                                               PowerLawImpact.squareRoot(0.7, 0.5),
                                               SpreadModel.constant(0.5), clock);
            var venue = new RecordingVenue(simulated, simulated::current);
            var audit = new StringWriter();
            var engine = new ExecutionEngine(parent, Replays.BTC_PERP, strategy, new SafetyValidator(LIMITS), LIMITS,
                                             venue,
                                             clock, new JsonlAuditLog(audit));

            List<JsonNode> records = Replays.runStoppingGatewayAt(GATEWAY_STOP, gateway, engine, simulated, clock,
                                                                  advisor::awaitSettled, audit);

            List<JsonNode> advised = records.stream().filter(r -> !"BASE".equals(r.get("source").asText())).toList();
            // The gateway stops after the engine has acted on the bar at GATEWAY_STOP.
            List<JsonNode> beforeStop = advised.stream().filter(r -> !Replays.after(r, GATEWAY_STOP)).toList();
            List<JsonNode> afterStop = advised.stream().filter(r -> Replays.after(r, GATEWAY_STOP)).toList();
            assertThat(beforeStop).hasSizeGreaterThanOrEqualTo(5).allSatisfy(r -> {
                assertThat(r.get("source").asText()).isEqualTo("MODEL");
                assertThat(r.get("action").asText()).isEqualTo("ACCELERATE");
                assertThat(r.get("quantity").decimalValue()).isEqualByComparingTo("0.15");
                assertThat(r.get("reasoning").asText()).startsWith("ACCELERATE: Tight spread");
                assertThat(r.get("outcome").asText()).isEqualTo("SENT");
                // The wall-clock time of the call, not the simulated minute between two bars.
                assertThat(r.get("advisorLatencyMillis").asLong()).isBetween(0L, ADVISOR_TIMEOUT.toMillis());
            });
            assertThat(afterStop).isNotEmpty().allSatisfy(r -> {
                assertThat(r.get("source").asText()).isEqualTo("FALLBACK");
                assertThat(r.get("reasoning").asText()).startsWith("advisor failed: ").contains("UNAVAILABLE");
            });
            assertThat(strategy.fallbackRate()).isGreaterThan(0);
            assertThat(records).noneMatch(r -> "BLOCKED".equals(r.get("outcome").asText()));
            assertEveryChildKeptToTheLimits(venue.placed());
        } finally {
            gateway.close();
            fake.stop().join();
        }
    }

    /** Rechecks each child sent from what the venue saw, independently of the engine's validator. */
    private static void assertEveryChildKeptToTheLimits(List<RecordingVenue.Placed> placed) {
        assertThat(placed).isNotEmpty();
        Instant previous = null;
        for (RecordingVenue.Placed child : placed) {
            double quantity = child.order().quantity().doubleValue();
            assertThat(quantity).isLessThanOrEqualTo(LIMITS.maxParticipation() * child.market().lastBarVolume());
            assertThat(quantity * child.market().ask()).isLessThanOrEqualTo(LIMITS.maxOrderNotional().doubleValue());
            assertThat(child.market().spreadBps()).isLessThanOrEqualTo(LIMITS.maxSpreadToCrossBps());
            if (previous != null) {
                assertThat(Duration.between(previous, child.market().time())).isGreaterThanOrEqualTo(
                        LIMITS.minInterval());
            }
            previous = child.market().time();
        }
    }
}
