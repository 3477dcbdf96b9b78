package dev.slipstream.execution.advisor;

/**
 * The gateway answered with its deterministic baseline because the model failed, was too slow or answered
 * something invalid. The client's own base strategy is the baseline that counts, so this is a fallback.
 */
public final class GatewayBaselineException extends RuntimeException {

    GatewayBaselineException(String baselineReason) {
        super("gateway served its baseline: " + baselineReason, null, false, false);
    }
}
