package dev.slipstream.gateway.provider.fake;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.annotation.Nullable;

/**
 * One chat request a fake received: as it arrived, and read back into provider-neutral terms by the fake
 * that knows its format.
 *
 * @param apiKey the credential from wherever this provider expects it (a bearer token, {@code x-api-key}…)
 * @param turns the conversation, roles named {@code system}, {@code user} and {@code assistant}
 */
public record ReceivedChat(String path, QueryParams query, RequestHeaders headers, JsonNode body,
                           @Nullable String apiKey, String model, List<Turn> turns, boolean stream,
                           @Nullable Double temperature, @Nullable Integer maxOutputTokens,
                           List<String> stopSequences) {

    public record Turn(String role, String text) {}
}
