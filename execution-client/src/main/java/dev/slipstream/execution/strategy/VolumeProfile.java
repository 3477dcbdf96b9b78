package dev.slipstream.execution.strategy;

import dev.slipstream.execution.venue.Bar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The average base volume traded in each minute of the UTC day, estimated from historical bars. */
public final class VolumeProfile {

    private static final int MINUTES_PER_DAY = 1440;

    private final double[] averageVolumeByMinute;

    private VolumeProfile(double[] averageVolumeByMinute) {
        this.averageVolumeByMinute = averageVolumeByMinute;
    }

    public static VolumeProfile fromBars(List<Bar> bars) {
        double[] sum = new double[MINUTES_PER_DAY];
        int[] count = new int[MINUTES_PER_DAY];
        for (Bar bar : bars) {
            int minute = minuteOfDay(bar.time());
            sum[minute] += bar.baseVolume();
            count[minute]++;
        }
        double[] average = new double[MINUTES_PER_DAY];
        for (int m = 0; m < MINUTES_PER_DAY; m++) {
            average[m] = count[m] == 0 ? 0 : sum[m] / count[m];
        }
        return new VolumeProfile(average);
    }

    /** A profile given minute by minute from midnight UTC, repeating; for tests and synthetic curves. */
    public static VolumeProfile ofMinutes(double... volumes) {
        double[] average = new double[MINUTES_PER_DAY];
        for (int m = 0; m < MINUTES_PER_DAY; m++) {
            average[m] = volumes[m % volumes.length];
        }
        return new VolumeProfile(average);
    }

    /** Expected volume in [from, from + length), minute by minute. */
    public double expectedVolume(Instant from, Duration length) {
        double total = 0;
        for (long m = 0; m < length.toMinutes(); m++) {
            total += averageVolumeByMinute[minuteOfDay(from.plus(Duration.ofMinutes(m)))];
        }
        return total;
    }

    private static int minuteOfDay(Instant time) {
        return time.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 60;
    }
}
