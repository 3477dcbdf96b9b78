package dev.slipstream.execution.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Random one-minute price paths for property tests: calm stretches, volatility bursts, dead and busy minutes. */
public final class SyntheticBars {

    private SyntheticBars() {}

    public static List<Bar> randomPath(RandomGenerator random, Instant start, int minutes) {
        List<Bar> bars = new ArrayList<>();
        double price = 20_000 + 40_000 * random.nextDouble();
        double volatility = 0.0005 + 0.003 * random.nextDouble();
        for (int m = 0; m < minutes; m++) {
            if (random.nextInt(40) == 0) {
                volatility = 0.0002 + 0.03 * random.nextDouble();
            }
            double open = price;
            price = Math.max(1, price * Math.exp(volatility * random.nextGaussian()));
            double baseVolume = random.nextInt(15) == 0 ? 0 : Math.exp(random.nextGaussian() * 1.5) * 20;
            bars.add(new Bar(start.plus(Duration.ofMinutes(m)), open, Math.max(open, price), Math.min(open, price),
                    price, baseVolume * price));
        }
        return bars;
    }
}
