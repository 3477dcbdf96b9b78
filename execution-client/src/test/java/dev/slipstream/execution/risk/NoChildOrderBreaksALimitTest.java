package dev.slipstream.execution.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.execution.engine.AuditLog;
import dev.slipstream.execution.engine.ExecutionEngine;
import dev.slipstream.execution.impact.AlmgrenChrissImpact;
import dev.slipstream.execution.order.Instrument;
import dev.slipstream.execution.order.ParentOrder;
import dev.slipstream.execution.order.Side;
import dev.slipstream.execution.strategy.AdaptiveStrategy;
import dev.slipstream.execution.strategy.AlmgrenChrissParameters;
import dev.slipstream.execution.strategy.ExecutionStrategy;
import dev.slipstream.execution.strategy.FakeAdvisor;
import dev.slipstream.execution.strategy.ImplementationShortfallSchedule;
import dev.slipstream.execution.strategy.PovStrategy;
import dev.slipstream.execution.strategy.ScheduleFollowingStrategy;
import dev.slipstream.execution.strategy.TwapSchedule;
import dev.slipstream.execution.strategy.VolumeProfile;
import dev.slipstream.execution.strategy.VwapSchedule;
import dev.slipstream.execution.venue.Bar;
import dev.slipstream.execution.venue.BinanceCaptureReader;
import dev.slipstream.execution.venue.BookEvent;
import dev.slipstream.execution.venue.BookReplayVenue;
import dev.slipstream.execution.venue.MarketSnapshot;
import dev.slipstream.execution.venue.RecordingVenue;
import dev.slipstream.execution.venue.RecordingVenue.Placed;
import dev.slipstream.execution.venue.SimulatedClock;
import dev.slipstream.execution.venue.ShippedFixtures;
import dev.slipstream.execution.venue.SimulatedVenue;
import dev.slipstream.execution.venue.SyntheticBars;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: across random strategies, random advisor answers (absurd ones included) and random market paths, no
 * order that reaches the venue breaks a safety limit. The oracle below recomputes each limit from what the venue
 * saw (the order, the market it arrived in, the orders before it), independently of the validator.
 */
class NoChildOrderBreaksALimitTest {

    static final int RUNS = 300;
    static final Instant START = Instant.parse("2022-01-10T00:00:00Z");
    static final Instrument INSTRUMENT = new Instrument("BTCUSDT", new BigDecimal("0.001"), new BigDecimal("0.002"),
            new BigDecimal("0.5"));

    @Test
    void noChildOrderBreaksALimit() {
        List<String> breaches = new ArrayList<>();
        int ordersChecked = 0;
        for (long seed = 0; seed < RUNS; seed++) {
            Run run = run(seed, SafetyValidator::new);
            ordersChecked += run.placed().size();
            breaches.addAll(run.breaches());
        }

        assertThat(breaches).isEmpty();
        assertThat(ordersChecked).as("orders that reached the venue").isGreaterThan(RUNS);
    }

    @Test
    void theOracleCatchesAValidatorThatLetsEverythingThrough() {
        List<String> breaches = new ArrayList<>();
        for (long seed = 0; seed < 20; seed++) {
            breaches.addAll(run(seed, limits -> check -> List.of()).breaches());
        }

        assertThat(breaches).isNotEmpty();
    }

    /** The same property on the real Binance book, where decisions come many times a second. */
    @Test
    void noChildOrderBreaksALimitOnTheRealBook() {
        List<String> breaches = new ArrayList<>();
        int ordersChecked = 0;
        for (long seed = 0; seed < BOOK_RUNS; seed++) {
            Run run = runOnTheBook(seed, SafetyValidator::new);
            ordersChecked += run.placed().size();
            breaches.addAll(run.breaches());
        }

        assertThat(breaches).isEmpty();
        assertThat(ordersChecked).as("orders that reached the venue").isGreaterThan(BOOK_RUNS);
    }

    @Test
    void onTheBookTooTheOracleCatchesAValidatorThatLetsEverythingThrough() {
        List<String> breaches = new ArrayList<>();
        for (long seed = 0; seed < 10; seed++) {
            breaches.addAll(runOnTheBook(seed, limits -> check -> List.of()).breaches());
        }

        assertThat(breaches).anyMatch(breach -> breach.endsWith("orders in a minute"))
                .anyMatch(breach -> breach.endsWith("interval"));
    }

    static final int BOOK_RUNS = 40;
    static List<BookEvent> binanceCapture;

    @BeforeAll
    static void readTheCapture() {
        binanceCapture = BinanceCaptureReader.read(
                ShippedFixtures.marketData("binance-btcusdt-depth-trades-2024-08-08.txt.gz"));
    }

    static Run runOnTheBook(long seed, Function<SafetyLimits, OrderValidator> validatorFor) {
        var random = new SplittableRandom(seed);
        var limits = new SafetyLimits(0.01 + 0.5 * random.nextDouble(),
                BigDecimal.valueOf(1_000 + 300_000 * random.nextDouble()).setScale(2, RoundingMode.HALF_EVEN),
                Duration.ofSeconds(random.nextInt(0, 20)), 0.001 + 2 * random.nextDouble(), 1 + 100 * random.nextDouble(),
                50, 0.0002 + 0.005 * random.nextDouble(), random.nextInt(1, 11), Duration.ofMillis(500));
        var clock = new SimulatedClock(Instant.EPOCH);
        var book = new BookReplayVenue(binanceCapture, INSTRUMENT, clock);
        var venue = new RecordingVenue(book, book::current);
        Instant start = binanceCapture.get(random.nextInt(200, binanceCapture.size() / 2)).time();
        while (clock.instant().isBefore(start)) {
            book.advance();
        }
        var parent = new ParentOrder("book" + seed, "BTCUSDT", random.nextBoolean() ? Side.BUY : Side.SELL,
                INSTRUMENT.roundDownToLot(0.01 + 5 * random.nextDouble()), start,
                start.plusSeconds(random.nextInt(30, 150)), BigDecimal.valueOf(book.current().mid()), 1e-6);
        Duration interval = Duration.ofSeconds(random.nextInt(1, 20));
        var engine = new ExecutionEngine(parent, INSTRUMENT, randomStrategy(random, parent, interval, null, limits),
                validatorFor.apply(limits), limits, venue, clock, AuditLog.NONE);
        engine.start();
        while (book.advance() && !engine.state().isTerminal()) {
            // the engine acts on every book update
        }
        return new Run(venue.placed(), breaches(seed, parent, limits, venue.placed()));
    }

    record Run(List<Placed> placed, List<String> breaches) {}

    static Run run(long seed, Function<SafetyLimits, OrderValidator> validatorFor) {
        var random = new SplittableRandom(seed);
        SafetyLimits limits = randomLimits(random);
        List<Bar> bars = SyntheticBars.randomPath(random, START, 200);
        Map<Instant, Double> halfSpreads = new HashMap<>();
        bars.forEach(bar -> halfSpreads.put(bar.time(), random.nextInt(10) == 0 ? 20 * random.nextDouble()
                : 0.1 + 2 * random.nextDouble()));
        var clock = new SimulatedClock(START);
        var simulated = new SimulatedVenue(bars, INSTRUMENT, new AlmgrenChrissImpact(0.5, random.nextDouble(), 0.1),
                bar -> halfSpreads.get(bar.time()), clock);
        var venue = new RecordingVenue(simulated, simulated::current);
        ParentOrder parent = randomParent(random, bars);
        var engine = new ExecutionEngine(parent, INSTRUMENT, randomStrategy(random, parent,
                Duration.ofMinutes(random.nextInt(1, 6)), VolumeProfile.fromBars(bars), limits),
                validatorFor.apply(limits), limits, venue, clock, AuditLog.NONE);
        while (simulated.advance()) {
            if (engine.state().name().equals("INITIALIZED") && !clock.instant().isBefore(parent.start())) {
                engine.start();
            }
        }
        return new Run(venue.placed(), breaches(seed, parent, limits, venue.placed()));
    }

    static List<String> breaches(long seed, ParentOrder parent, SafetyLimits limits, List<Placed> placed) {
        List<String> breaches = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < placed.size(); i++) {
            var order = placed.get(i).order();
            MarketSnapshot market = placed.get(i).market();
            String where = "seed " + seed + " order " + order.id() + ": ";
            total = total.add(order.quantity());
            double price = order.side() == Side.BUY ? market.ask() : market.bid();
            if (order.side() != parent.side()) {
                breaches.add(where + "side " + order.side());
            }
            if (order.quantity().compareTo(INSTRUMENT.minQuantity()) < 0
                    || order.quantity().remainder(INSTRUMENT.lotSize()).signum() != 0) {
                breaches.add(where + "quantity " + order.quantity());
            }
            if (total.compareTo(parent.quantity()) > 0) {
                breaches.add(where + "over-sent " + total + " of " + parent.quantity());
            }
            if (order.quantity().doubleValue() > limits.maxParticipation() * market.lastBarVolume()) {
                breaches.add(where + "participation " + order.quantity() + " of " + market.lastBarVolume());
            }
            if (order.quantity().doubleValue() * price > limits.maxOrderNotional().doubleValue()) {
                breaches.add(where + "notional " + order.quantity().doubleValue() * price);
            }
            if (i > 0 && Duration.between(placed.get(i - 1).order().createdAt(), order.createdAt())
                    .compareTo(limits.minInterval()) < 0) {
                breaches.add(where + "interval");
            }
            Instant now = order.createdAt();
            long lastMinute = placed.subList(0, i + 1).stream()
                    .filter(p -> p.order().createdAt().isAfter(now.minus(Duration.ofMinutes(1)))).count();
            if (lastMinute > limits.maxOrdersPerMinute()) {
                breaches.add(where + lastMinute + " orders in a minute");
            }
            if ((market.ask() - market.bid()) / market.mid() * 1e4 > limits.maxSpreadToCrossBps()) {
                breaches.add(where + "spread");
            }
            double benchmark = parent.decisionPrice().doubleValue();
            if (Math.abs(market.mid() - benchmark) / benchmark * 1e4 > limits.maxDeviationFromBenchmarkBps()) {
                breaches.add(where + "deviation from benchmark");
            }
            if (market.volatility() > limits.volatilityHalt()) {
                breaches.add(where + "volatility " + market.volatility());
            }
        }
        return breaches;
    }

    static SafetyLimits randomLimits(SplittableRandom random) {
        return new SafetyLimits(0.01 + 0.5 * random.nextDouble(),
                BigDecimal.valueOf(1_000 + 2_000_000 * random.nextDouble()).setScale(2, RoundingMode.HALF_EVEN),
                Duration.ofSeconds(random.nextInt(0, 200)), 1 + 20 * random.nextDouble(),
                50 + 1_000 * random.nextDouble(), 50, 0.001 + 0.02 * random.nextDouble(), random.nextInt(1, 6),
                Duration.ofMillis(500));
    }

    static ParentOrder randomParent(SplittableRandom random, List<Bar> bars) {
        int startMinute = random.nextInt(0, 60);
        Instant start = bars.get(startMinute).time();
        BigDecimal quantity = INSTRUMENT.roundDownToLot(0.01 + 50 * random.nextDouble());
        return new ParentOrder("prop" + startMinute, "BTCUSDT", random.nextBoolean() ? Side.BUY : Side.SELL,
                quantity, start, start.plus(Duration.ofMinutes(random.nextInt(10, 130))),
                BigDecimal.valueOf(bars.get(startMinute).close()), 1e-6);
    }

    /** TWAP, IS or POV, and VWAP when there is a volume curve; half of them wrapped with a chaotic advisor. */
    static ExecutionStrategy randomStrategy(SplittableRandom random, ParentOrder parent, Duration interval,
            @Nullable VolumeProfile curve, SafetyLimits limits) {
        int periods = (int) Math.max(1, parent.horizon().toMillis() / interval.toMillis());
        int pick = curve == null ? List.of(0, 2, 3).get(random.nextInt(3)) : random.nextInt(4);
        ExecutionStrategy base = switch (pick) {
            case 0 -> new ScheduleFollowingStrategy("twap", TwapSchedule.build(parent, INSTRUMENT, interval,
                    random.nextDouble() * 0.3, random));
            case 1 -> new ScheduleFollowingStrategy("vwap", VwapSchedule.build(parent, INSTRUMENT, interval,
                    curve));
            case 2 -> new ScheduleFollowingStrategy("is", ImplementationShortfallSchedule.build(parent, INSTRUMENT,
                    new AlmgrenChrissParameters(parent.quantity().doubleValue(), periods, periods, 1,
                            0, 0.01 + random.nextDouble(), 0, random.nextDouble() * 0.5)));
            default -> new PovStrategy(0.01 + 0.5 * random.nextDouble());
        };
        return random.nextBoolean() ? base : new AdaptiveStrategy(base, FakeAdvisor.chaotic(random),
                limits.advisorTimeout());
    }
}
