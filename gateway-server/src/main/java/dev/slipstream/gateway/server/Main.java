package dev.slipstream.gateway.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.context.ContextStoreUnavailableException;
import dev.slipstream.gateway.auth.ApiKeySecrets;
import dev.slipstream.gateway.config.ConfigException;
import dev.slipstream.gateway.config.ConfigLoader;
import dev.slipstream.gateway.config.EmbeddedConfig;
import dev.slipstream.gateway.config.GatewayConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code slipstream} command line. */
@Command(name = "slipstream", mixinStandardHelpOptions = true,
         subcommands = {Main.Serve.class, KeysCommand.class},
         description = "Slipstream, a gRPC-first LLM gateway.")
public final class Main {
    private static final Logger logger = LoggerFactory.getLogger(Main.class);

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
             description = "Start the gateway. Without --config it starts on the embedded default: in-memory " +
                           "stores and the offline local provider, plus providers whose keys are in the " +
                           "environment.")
    static final class Serve implements Callable<Integer> {
        @Nullable
        @Option(names = "--config", paramLabel = "FILE", description = "the slipstream.yaml to use")
        Path config;

        @Nullable
        @Option(names = "--port", paramLabel = "PORT", description = "overrides server.port")
        Integer port;

        @Override
        public Integer call() {
            final Map<String, String> env = System.getenv();
            GatewayConfig gatewayConfig;
            try {
                gatewayConfig = config == null ? EmbeddedConfig.create(env) : new ConfigLoader(env).load(config);
            } catch (ConfigException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            if (port != null) {
                gatewayConfig = gatewayConfig.withServer(gatewayConfig.server().withPort(port));
            }
            String apiKey = gatewayConfig.auth().apiKey();
            if (apiKey == null) {
                apiKey = ApiKeySecrets.generate();
                // Printed once, to the console only: the caller needs it, the logs must never hold it.
                System.out.println("No API key configured (auth.api_key or SLIPSTREAM_API_KEY); generated one " +
                                   "for this run:\n\n    " + apiKey + "\n\nSend it as 'authorization: Bearer " +
                                   "<key>'.");
            }
            final Gateway gateway;
            try {
                gateway = Gateway.start(gatewayConfig, apiKey);
            } catch (ContextStoreUnavailableException e) {
                System.err.println("context_store.uri: " + e.getMessage() + " (expected: a reachable Redis; " +
                                   "sessions are kept there)");
                return 1;
            } catch (ConfigException e) {
                // A prompt template directory with problems: refused like a broken configuration file.
                System.err.println(e.getMessage());
                return 2;
            }
            gateway.closeOnShutdown();
            logger.info("Slipstream serving on port {} ({}); providers: {}; models: {}", gateway.port(),
                        config == null ? "embedded default" : config,
                        gatewayConfig.providers().stream().map(p -> p.name() + '(' + p.kind() + ')').toList(),
                        gatewayConfig.models().stream().map(m -> m.alias()).toList());
            gateway.blockUntilShutdown();
            return 0;
        }
    }
}
