package dev.slipstream.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.HttpRequest;

/** Reads series out of a gateway's {@code /metrics}. */
public final class PrometheusText {
    private PrometheusText() {}

    /** {@code GET /metrics} of {@code gateway}, with its admin key. */
    public static String scrape(RunningGateway gateway) {
        return BlockingWebClient.of(gateway.httpUri()).execute(
                HttpRequest.builder().get("/metrics")
                           .header("authorization", "Bearer " + RunningGateway.API_KEY).build()).contentUtf8();
    }

    /** The value of {@code series} (name and labels as printed), which must be present. */
    public static double value(String metrics, String series) {
        final Matcher line = line(metrics, series);
        assertThat(line.find()).as(series + " in\n" + metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }

    /** The value of {@code series}, or 0 when it has not been created yet. */
    public static double valueOrZero(String metrics, String series) {
        final Matcher line = line(metrics, series);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static Matcher line(String metrics, String series) {
        return Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
    }
}
