package dev.slipstream.execution.venue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the market-data fixtures: {@code execution-client/fixtures/market-data} in the repository (copies
 * with their provenance note), else {@code ../shared/fixtures/market-data} beside it; the repository root
 * is the first directory up from here that holds the {@code slipstream} launcher.
 */
public final class ShippedFixtures {

    public static final String BTC_PERP_BARS = "btc-perp-1m-2022-01.csv";

    private ShippedFixtures() {}

    public static Path marketData(String name) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (!Files.isRegularFile(dir.resolve("slipstream"))) {
                continue;
            }
            final Path inRepository = dir.resolve("execution-client/fixtures/market-data").resolve(name);
            if (Files.isRegularFile(inRepository)) {
                return inRepository;
            }
            if (dir.getParent() != null) {
                final Path shared = dir.getParent().resolve("shared/fixtures/market-data").resolve(name);
                if (Files.isRegularFile(shared)) {
                    return shared;
                }
            }
        }
        throw new IllegalStateException("no execution-client/fixtures/market-data/" + name + " (nor " +
                                        "../shared/fixtures/market-data/" + name + ") in a directory holding " +
                                        "the slipstream launcher, looking up from " + start);
    }
}
