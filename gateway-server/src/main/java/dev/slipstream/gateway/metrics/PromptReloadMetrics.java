package dev.slipstream.gateway.metrics;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.function.Consumer;

import dev.slipstream.gateway.prompt.ReloadOutcome;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;

/**
 * Counts prompt template reloads (from the file watch or {@code AdminService.ReloadPrompts}):
 * {@code slipstream_prompt_reloads_total} by outcome, and {@code slipstream_prompt_reload_failures_total}
 * by reason ({@code no_directory}, {@code directory_unusable}, {@code invalid_templates}).
 */
public final class PromptReloadMetrics implements Consumer<ReloadOutcome> {
    private final Counter reloads;
    private final Counter failures;

    public PromptReloadMetrics(CollectorRegistry registry) {
        requireNonNull(registry, "registry");
        reloads = Counter.build("slipstream_prompt_reloads_total",
                                "Prompt template reloads, applied or rejected (the previous set stays live).")
                         .labelNames("outcome").register(registry);
        failures = Counter.build("slipstream_prompt_reload_failures_total", "Rejected prompt reloads, by reason.")
                          .labelNames("reason").register(registry);
    }

    @Override
    public void accept(ReloadOutcome outcome) {
        final ReloadOutcome.Failure failure = outcome.failure();
        if (failure == null) {
            reloads.labels("applied").inc();
            return;
        }
        reloads.labels("rejected").inc();
        failures.labels(failure.name().toLowerCase(Locale.ROOT)).inc();
    }
}
