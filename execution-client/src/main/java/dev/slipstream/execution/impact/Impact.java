package dev.slipstream.execution.impact;

/**
 * The price move, in price units, caused by trading: {@code temporary} is paid on this trade only,
 * {@code permanent} stays in the price afterwards. Always non-negative; the side gives the sign.
 */
public record Impact(double temporary, double permanent) {

    public Impact scaled(double factor) {
        return new Impact(temporary * factor, permanent * factor);
    }
}
