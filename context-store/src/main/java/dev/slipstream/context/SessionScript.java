package dev.slipstream.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * The Lua script behind every session operation ({@code session.lua}). It runs by its SHA; when Redis no
 * longer knows it (a restart, {@code SCRIPT FLUSH}, a failover), it is sent whole once, which also makes
 * Redis cache it again.
 */
final class SessionScript {
    private static final String SOURCE = load();

    private final RedisAsyncCommands<String, String> commands;
    private final RedisCalls calls;
    private final String sha;

    SessionScript(RedisAsyncCommands<String, String> commands, RedisCalls calls) {
        this.commands = commands;
        this.calls = calls;
        sha = commands.digest(SOURCE);
    }

    CompletionStage<ScriptReply> run(String[] keys, String... args) {
        return calls.<List<Object>>bounded(commands.evalsha(sha, ScriptOutputType.MULTI, keys, args))
                    .exceptionallyCompose(failure -> {
                        if (RedisCalls.unwrap(failure) instanceof RedisNoScriptException) {
                            return calls.bounded(commands.eval(SOURCE, ScriptOutputType.MULTI, keys, args));
                        }
                        return CompletableFuture.failedFuture(failure);
                    })
                    .thenApply(ScriptReply::of);
    }

    private static String load() {
        try (InputStream in = SessionScript.class.getResourceAsStream("session.lua")) {
            if (in == null) {
                throw new IllegalStateException("session.lua missing beside " + SessionScript.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
