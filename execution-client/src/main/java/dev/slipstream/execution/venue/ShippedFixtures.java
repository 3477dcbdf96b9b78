package dev.slipstream.execution.venue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared market-data fixtures: {@code ../shared/fixtures/market-data} beside the repository root,
 * the root being the first directory up from here that holds the {@code slipstream} launcher.
 */
public final class ShippedFixtures {

    public static final String BTC_PERP_BARS = "btc-perp-1m-2022-01.csv";

    private ShippedFixtures() {}

    public static Path marketData(String name) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("slipstream")) && dir.getParent() != null) {
                Path file = dir.getParent().resolve("shared/fixtures/market-data").resolve(name);
                if (Files.isRegularFile(file)) {
                    return file;
                }
            }
        }
        throw new IllegalStateException("no ../shared/fixtures/market-data/" + name
                + " beside a directory holding the slipstream launcher, looking up from " + start);
    }
}
