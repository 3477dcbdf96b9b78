package dev.slipstream.gateway.server;

import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.auth.ApiKey;
import dev.slipstream.gateway.auth.ApiKeySecrets;
import dev.slipstream.gateway.auth.ApiKeys;
import dev.slipstream.gateway.config.ApiKeyConfig;
import dev.slipstream.gateway.config.BudgetConfig;
import dev.slipstream.gateway.config.ConfigValidator;
import dev.slipstream.gateway.config.RateLimitConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slipstream keys}: API keys for operators, made and checked by the same code as AdminService's. */
@Command(name = "keys", mixinStandardHelpOptions = true, subcommands = KeysCommand.Create.class,
         description = "Manage API keys.")
final class KeysCommand {
    @Command(name = "create", mixinStandardHelpOptions = true,
             description = "Generate an API key: prints its secret (once; the gateway keeps only its SHA-256) " +
                           "and the entry to add under auth.api_keys in slipstream.yaml.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", required = true, description = "the tenant the key belongs to")
        String tenant;

        @Nullable
        @Option(names = "--id", description = "names the key in logs and reports (default: from its SHA-256)")
        String id;

        @Nullable
        @Option(names = "--scopes", split = ",", description = "chat, sessions, prompts, admin " +
                                                                "(default: chat,sessions,prompts)")
        List<String> scopes;

        @Nullable
        @Option(names = "--models", split = ",", description = "model globs (default: *)")
        List<String> models;

        @Nullable
        @Option(names = "--prompts", split = ",", description = "prompt globs (default: *)")
        List<String> prompts;

        @Option(names = "--requests-per-minute", defaultValue = "0")
        long requestsPerMinute;

        @Option(names = "--tokens-per-minute", defaultValue = "0")
        long tokensPerMinute;

        @Option(names = "--burst-per-second", defaultValue = "0")
        long burstPerSecond;

        @Option(names = "--daily-micros-usd", defaultValue = "0", description = "daily budget in micro-dollars")
        long dailyMicrosUsd;

        @Option(names = "--monthly-micros-usd", defaultValue = "0", description = "monthly budget in micro-dollars")
        long monthlyMicrosUsd;

        @Nullable
        @Option(names = "--expires-at", description = "an ISO-8601 instant, e.g. 2027-01-31T00:00:00Z")
        String expiresAt;

        @Option(names = "--bypass-cache", description = "the response cache never serves this key")
        boolean bypassCache;

        @Override
        public Integer call() {
            final String secret = ApiKeySecrets.generate();
            final ApiKeyConfig config = new ApiKeyConfig(
                    id, secret, null, tenant, scopes, models, prompts,
                    new RateLimitConfig(requestsPerMinute, tokensPerMinute, burstPerSecond),
                    new BudgetConfig(dailyMicrosUsd, monthlyMicrosUsd), false, expiresAt, bypassCache);
            final List<String> problems = ConfigValidator.validateApiKey(config, "key", Set.of());
            final PrintWriter out = spec.commandLine().getOut();
            if (!problems.isEmpty()) {
                final PrintWriter err = spec.commandLine().getErr();
                problems.forEach(problem -> err.println(problem));
                err.flush();
                return 2;
            }
            final ApiKey key = ApiKeys.compile(config);
            out.println("Secret (shown once; send it as 'authorization: Bearer <secret>'):");
            out.println();
            out.println("    " + secret);
            out.println();
            out.println("Add under auth.api_keys in slipstream.yaml:");
            out.println();
            out.println("    - id: " + key.id());
            out.println("      key_sha256: " + HexFormat.of().formatHex(key.sha256()));
            out.println("      tenant: " + tenant);
            out.println("      scopes: [" + String.join(", ", config.scopes()) + ']');
            out.println("      models: [" + quotedList(config.models()) + ']');
            out.println("      prompts: [" + quotedList(config.prompts()) + ']');
            out.println("      limits: {requests_per_minute: " + requestsPerMinute + ", tokens_per_minute: " +
                        tokensPerMinute + ", burst_per_second: " + burstPerSecond + '}');
            out.println("      budget: {daily_micros_usd: " + dailyMicrosUsd + ", monthly_micros_usd: " +
                        monthlyMicrosUsd + '}');
            if (expiresAt != null) {
                out.println("      expires_at: " + expiresAt);
            }
            if (bypassCache) {
                out.println("      bypass_cache: true");
            }
            out.flush();
            return 0;
        }

        private static String quotedList(List<String> globs) {
            return String.join(", ", globs.stream().map(glob -> '"' + glob + '"').toList());
        }
    }
}
