package dev.slipstream.gateway.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;

import dev.slipstream.gateway.provider.ProviderReply;

/**
 * A route's answer and how it was reached.
 *
 * @param provider the configured provider name of the target that answered
 * @param attempts every attempt, the successful one last
 * @param fallback whether a target other than this request's first choice answered
 */
public record RoutedReply(ProviderReply reply, String provider, List<RouteAttempt> attempts, boolean fallback) {
    public RoutedReply {
        requireNonNull(reply, "reply");
        requireNonNull(provider, "provider");
        attempts = List.copyOf(attempts);
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("a routed reply has at least its successful attempt");
        }
    }

    /** The {@code provider/model} name of the target that answered. */
    public String target() {
        return attempts.getLast().target();
    }
}
