package dev.slipstream.loadtest.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.grpc.GrpcClientBuilder;
import com.linecorp.armeria.client.grpc.GrpcClients;

import dev.slipstream.api.gateway.v1.CreateSessionRequest;
import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.api.gateway.v1.Role;
import dev.slipstream.api.gateway.v1.SessionServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./slipstream loadtest sessions --config loadtest/ghz/session-turn.json}: creates sessions on the
 * config's host with its metadata, and writes the config's {@code data-file}: one turn per session, which
 * the run then takes round robin, so turns on one session do not overlap at the config's rate.
 */
@Command(name = "sessions", mixinStandardHelpOptions = true,
         description = "Create sessions and write the session-turn config's data file (one turn per session).")
final class SessionsCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SYSTEM_PROMPT = "You are an execution trader. Answer in one sentence.";
    private static final String USER_TURN = "Slice a 5 BTC buy over the next hour; what next?";

    @Option(names = "--config", required = true, description = "the session-turn config (host, metadata, data-file)")
    Path config;

    @Option(names = "--host", description = "host:port, overriding the config's")
    @Nullable String host;

    @Option(names = "--count", defaultValue = "500", description = "sessions to create")
    int count;

    @Option(names = "--model", defaultValue = "mock", description = "the model alias of each turn")
    String model;

    @Override
    public Integer call() throws IOException {
        final ObjectNode tree = GhzConfig.readFile(config);
        final String dataFile = tree.path("data-file").asText("");
        if (dataFile.isEmpty()) {
            throw new IllegalArgumentException(config + " has no data-file to write");
        }
        tree.remove("data-file");
        if (host != null) {
            tree.put("host", host);
        }
        final GhzConfig run = GhzConfig.from(tree, false);
        final ArrayNode turns = MAPPER.createArrayNode();
        try (ClientFactory factory = ClientFactory.builder().build()) {
            final GrpcClientBuilder builder = GrpcClients.builder((run.insecure() ? "http://" : "https://") + run.host())
                                                         .factory(factory).responseTimeout(run.timeout());
            run.metadata().forEach(builder::addHeader);
            final SessionServiceGrpc.SessionServiceBlockingStub sessions =
                    builder.build(SessionServiceGrpc.SessionServiceBlockingStub.class);
            for (int i = 0; i < count; i++) {
                final String id = sessions.createSession(CreateSessionRequest.newBuilder().addMessages(
                        Message.newBuilder().setRole(Role.ROLE_SYSTEM).setContent(SYSTEM_PROMPT)).build())
                                          .getSession().getId();
                final ObjectNode turn = turns.addObject().put("model", model).put("session_id", id)
                                             .put("request_id", "ghz-turn-{{.RequestNumber}}");
                turn.putArray("messages").addObject().put("role", "ROLE_USER").put("content", USER_TURN);
                turn.putObject("options").put("max_output_tokens", 64);
            }
        }
        Files.writeString(Path.of(dataFile), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(turns));
        System.out.println("created " + count + " sessions on " + run.host() + "; wrote " + dataFile);
        return 0;
    }
}
