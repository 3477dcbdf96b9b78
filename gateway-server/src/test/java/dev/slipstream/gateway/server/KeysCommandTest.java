package dev.slipstream.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import dev.slipstream.gateway.auth.ApiKeyVerifier;
import dev.slipstream.gateway.auth.ApiKeys;
import dev.slipstream.gateway.auth.Principal;
import dev.slipstream.gateway.auth.Scope;
import dev.slipstream.gateway.config.ConfigLoader;
import dev.slipstream.gateway.config.GatewayConfig;

/** {@code slipstream keys create}: the printed entry is valid configuration, and the printed secret is its key. */
class KeysCommandTest {
    @Test
    void createdEntryLoadsAndAcceptsTheSecret() {
        final StringWriter out = new StringWriter();
        final int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).execute(
                "keys", "create", "--tenant", "trading", "--id", "desk", "--scopes", "chat,prompts",
                "--models", "gpt-4o*", "--requests-per-minute", "60", "--daily-micros-usd", "5000000");
        assertThat(exit).isZero();
        final String[] lines = out.toString().split("\n");
        final String secret = lines[2].strip();
        final StringBuilder entry = new StringBuilder();
        for (int i = 6; i < lines.length; i++) {
            entry.append(lines[i].substring(2)).append('\n');
        }

        final GatewayConfig config = new ConfigLoader(Map.of()).parse(
                "printed", "providers: [{name: local, kind: local}]\n" +
                           "models: [{alias: local, provider: local, model: m}]\n" +
                           "auth:\n  api_keys:\n" + entry.toString().indent(2));
        final Principal principal = new ApiKeyVerifier(ApiKeys.fromConfig(config.auth(), "default-key-0123456789"),
                                                       Clock.systemUTC()).authenticate(secret);

        assertThat(out.toString()).doesNotContain("key: " + secret);
        assertThat(principal.keyId()).isEqualTo("desk");
        assertThat(principal.tenant()).isEqualTo("trading");
        assertThat(principal.scopes()).containsExactlyInAnyOrder(Scope.CHAT, Scope.PROMPTS);
        assertThat(principal.models().matches("gpt-4o-mini")).isTrue();
        assertThat(principal.models().matches("claude")).isFalse();
        assertThat(principal.limits().requestsPerMinute()).isEqualTo(60);
        assertThat(principal.budget().dailyMicrosUsd()).isEqualTo(5_000_000);
    }

    @Test
    void anInvalidKeyIsRefusedWithItsProblems() {
        final StringWriter err = new StringWriter();
        final int exit = new CommandLine(new Main()).setErr(new PrintWriter(err)).execute(
                "keys", "create", "--tenant", "team b", "--scopes", "root");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(
                "key.tenant: 'team b' (expected: letters, digits, '_', '.', ':', '-'; at most 128 characters)",
                "key.scopes: 'root' (expected one of: chat, sessions, prompts, admin)");
    }
}
