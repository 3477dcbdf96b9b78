package dev.slipstream.execution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.strategy.AlmgrenChrissParameters;
import dev.slipstream.execution.strategy.AlmgrenChrissTrajectory;
import dev.slipstream.execution.strategy.PovStrategy;
import dev.slipstream.execution.strategy.Schedule;
import dev.slipstream.execution.strategy.ScheduledSlice;
import dev.slipstream.execution.strategy.TwapSchedule;
import dev.slipstream.execution.strategy.VolumeProfile;
import dev.slipstream.execution.strategy.VwapSchedule;
import dev.slipstream.execution.venue.BarCsv;
import dev.slipstream.execution.venue.ShippedFixtures;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the schedule a strategy would follow, as a table or as JSON. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Print a strategy's schedule. For is, the parameters are in the units of Almgren & Chriss (2000); "
                + "for twap, vwap and pov the horizon is in minutes and the curve comes from the bars.")
final class ScheduleCommand implements Callable<Integer> {

    enum StrategyName { twap, vwap, is, pov }

    @Spec CommandSpec spec;

    @Option(names = "--strategy", required = true, description = "twap, vwap, is or pov") StrategyName strategy;
    @Option(names = "--quantity", required = true, description = "shares / base units to trade") BigDecimal quantity;
    @Option(names = "--horizon", required = true, description = "is: T in the model's time unit; others: minutes")
    double horizon;
    @Option(names = "--periods", defaultValue = "10", description = "number of slices (N)") int periods;
    @Option(names = "--sigma", defaultValue = "0", description = "is: volatility per sqrt(time unit)") double sigma;
    @Option(names = "--eta", defaultValue = "0", description = "is: temporary impact coefficient") double eta;
    @Option(names = "--gamma", defaultValue = "0", description = "is: permanent impact coefficient") double gamma;
    @Option(names = "--epsilon", defaultValue = "0", description = "is: fixed cost per share") double epsilon;
    @Option(names = "--lambda", defaultValue = "0", description = "is: risk aversion") double lambda;
    @Option(names = "--lot", defaultValue = "0.001", description = "lot size") BigDecimal lot;
    @Option(names = "--min-quantity", defaultValue = "0.001", description = "minimum child quantity") BigDecimal minQuantity;
    @Option(names = "--randomisation", defaultValue = "0", description = "twap: slice size jitter in [0, 1)") double randomisation;
    @Option(names = "--seed", defaultValue = "1", description = "twap: seed of the jitter") long seed;
    @Option(names = "--participation", defaultValue = "0.05", description = "pov: share of volume") double participation;
    @Option(names = "--start", defaultValue = "2022-01-10T14:00:00Z", description = "vwap/pov: start time on the curve")
    Instant start;
    @Option(names = "--bars", description = "vwap/pov: bars CSV (default: the shipped month of BTC-perp bars)")
    @Nullable Path bars;
    @Option(names = "--json", description = "print JSON instead of a table") boolean json;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (strategy == StrategyName.is) {
            var parameters = new AlmgrenChrissParameters(quantity.doubleValue(), horizon, periods, sigma, epsilon, eta,
                    gamma, lambda);
            AlmgrenChrissTrajectory trajectory = AlmgrenChrissTrajectory.optimal(parameters);
            out.println(json ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(parameters, trajectory))
                    : ScheduleTables.trajectory(parameters, trajectory));
        } else {
            Schedule schedule = sliceSchedule();
            out.println(json ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(schedule))
                    : ScheduleTables.slices(start, schedule));
        }
        out.flush();
        return 0;
    }

    private Schedule sliceSchedule() {
        Duration horizonDuration = Duration.ofSeconds(Math.round(horizon * 60));
        var parent = new ParentOrder("schedule", "BTCUSDT", Side.BUY, quantity, start, start.plus(horizonDuration),
                BigDecimal.ONE, 0);
        var instrument = new Instrument("BTCUSDT", lot, minQuantity, new BigDecimal("0.5"));
        Duration interval = horizonDuration.dividedBy(periods);
        return switch (strategy) {
            case twap -> TwapSchedule.build(parent, instrument, interval, randomisation, new SplittableRandom(seed));
            case vwap -> VwapSchedule.build(parent, instrument, interval, profile());
            case pov -> new PovStrategy(participation).forecast(parent, instrument, interval, profile());
            case is -> throw new IllegalStateException("is prints a trajectory");
        };
    }

    private VolumeProfile profile() {
        return VolumeProfile.fromBars(BarCsv.read(bars != null ? bars : ShippedFixtures.marketData(ShippedFixtures.BTC_PERP_BARS)));
    }

    private ObjectNode toJson(AlmgrenChrissParameters p, AlmgrenChrissTrajectory t) {
        ObjectNode root = mapper.createObjectNode().put("strategy", "is").put("quantity", p.quantity())
                .put("horizon", p.horizon()).put("periods", p.periods()).put("tau", p.tau())
                .put("etaTilde", p.etaTilde()).put("lambda", p.lambda()).put("kappa", t.kappa());
        ArrayNode trajectory = root.putArray("trajectory");
        for (double x : t.holdings()) {
            trajectory.add(x);
        }
        ArrayNode trades = root.putArray("trades");
        for (double n : t.trades()) {
            trades.add(n);
        }
        return root.put("expectedCost", t.expectedCost()).put("variance", t.variance())
                .put("objective", t.objective(p.lambda()));
    }

    private ObjectNode toJson(Schedule schedule) {
        ObjectNode root = mapper.createObjectNode().put("strategy", strategy.name());
        ArrayNode slices = root.putArray("slices");
        for (ScheduledSlice slice : schedule.slices()) {
            slices.addObject().put("at", slice.at().toString()).put("quantity", slice.quantity().toPlainString());
        }
        return root.put("total", schedule.total().toPlainString());
    }
}
