package dev.slipstream.context.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A real {@code redis-server} child process on a free loopback port, for tests. {@link #start()} runs it
 * without persistence; {@link #startDurable(Path)} writes an append-only file synced on every write.
 * {@link #kill()} stops it like a crash (SIGKILL) and {@link #restart()} starts it again on the same
 * port and directory; {@link #pause()} makes it silent without closing connections. Close it at the
 * end; a JVM exit kills it too.
 *
 * <p>When {@code redis-server} is missing this fails with instructions: tests that need Redis never
 * skip. Set {@code REDIS_SERVER} to use a binary that is not on the {@code PATH}.
 */
public final class RedisServerProcess implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 3;
    private static final List<String> NO_PERSISTENCE = List.of("--save", "", "--appendonly", "no");
    private static final List<String> FSYNC_EVERY_WRITE =
            List.of("--save", "", "--appendonly", "yes", "--appendfsync", "always");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final Path executable;
    private final Path dir;
    private final boolean ownsDir;
    private final List<String> persistence;
    private final int port;
    private final Thread killOnExit = new Thread(this::kill, "kill redis-server");
    private @Nullable Process process;

    private RedisServerProcess(Path executable, Path dir, boolean ownsDir, List<String> persistence, int port) {
        this.executable = executable;
        this.dir = dir;
        this.ownsDir = ownsDir;
        this.persistence = persistence;
        this.port = port;
    }

    /** A server without persistence, in a temporary directory removed by {@link #close()}. */
    public static RedisServerProcess start() {
        try {
            return startOnFreePort(Files.createTempDirectory("redis-server-"), true, NO_PERSISTENCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server that keeps its data in {@code dataDir} as an append-only file, synced to disk before each
     * write is acknowledged ({@code appendonly yes}, {@code appendfsync always}), and reloads it on
     * {@link #restart()}. The directory stays after {@link #close()}.
     */
    public static RedisServerProcess startDurable(Path dataDir) {
        return startOnFreePort(requireNonNull(dataDir, "dataDir"), false, FSYNC_EVERY_WRITE);
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>} */
    public String uri() {
        return "redis://" + LOOPBACK.getHostAddress() + ':' + port;
    }

    /** Kills the server with SIGKILL, as a crash would, and waits until it is gone. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            process.onExit().join();
            process = null;
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open, but nothing is answered until {@link #resume()}. */
    public synchronized void pause() {
        signal("STOP");
    }

    public synchronized void resume() {
        signal("CONT");
    }

    /** Starts the server again on the same port and directory, and waits until it answers PING. */
    public synchronized void restart() {
        if (process != null) {
            throw new IllegalStateException("redis-server on port " + port + " is running (expected: killed)");
        }
        process = launch();
        awaitPong(process);
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // The JVM is exiting: the hook runs anyway.
        }
        if (ownsDir) {
            deleteRecursively(dir);
        }
    }

    private void signal(String name) {
        if (process == null) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        try {
            final Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " +
                                                kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling redis-server", e);
        }
    }

    private static RedisServerProcess startOnFreePort(Path dir, boolean ownsDir, List<String> persistence) {
        final Path executable = findExecutable();
        IllegalStateException lastFailure = null;
        // A free port may be taken by someone else before redis-server binds it: try another one.
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            final RedisServerProcess redis = new RedisServerProcess(executable, dir, ownsDir, persistence, freePort());
            try {
                redis.restart();
                Runtime.getRuntime().addShutdownHook(redis.killOnExit);
                return redis;
            } catch (IllegalStateException e) {
                redis.kill();
                lastFailure = e;
                if (!redis.log().contains("Address already in use")) {
                    break;
                }
            }
        }
        if (ownsDir) {
            deleteRecursively(dir);
        }
        throw requireNonNull(lastFailure, "lastFailure");
    }

    private Process launch() {
        final List<String> command = new ArrayList<>(List.of(
                executable.toString(), "--port", Integer.toString(port), "--bind", LOOPBACK.getHostAddress(),
                "--dir", dir.toString(), "--loglevel", "warning", "--logfile", ""));
        command.addAll(persistence);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                                              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                                              .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        }
    }

    private void awaitPong(Process started) {
        final long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited with " +
                                                started.exitValue() + ":\n" + log());
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for redis-server", e);
            }
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING within " +
                                        STARTUP_TIMEOUT + ":\n" + log());
    }

    /** True once the server answers {@code +PONG}; while it loads its data it answers {@code -LOADING}. */
    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write("PING\r\n".getBytes(US_ASCII));
            final BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
            return "+PONG".equals(reader.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    private Path logFile() {
        return dir.resolve("redis-server-" + port + ".log");
    }

    private String log() {
        try {
            return Files.exists(logFile()) ? Files.readString(logFile()) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ')';
        }
    }

    private static Path findExecutable() {
        final String configured = System.getenv("REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            final Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("REDIS_SERVER=" + configured + " is not an executable file");
            }
            return path;
        }
        final String pathVariable = System.getenv().getOrDefault("PATH", "");
        final List<String> dirs = new ArrayList<>(List.of(pathVariable.split(File.pathSeparator)));
        dirs.add("/usr/bin");
        dirs.add("/usr/local/bin");
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
                return Path.of(dir, "redis-server");
            }
        }
        throw new IllegalStateException(
                "redis-server not found on the PATH, in /usr/bin or /usr/local/bin (expected: Redis 7 installed, " +
                "e.g. apt-get install -y redis-server, which ./slipstream test does; or REDIS_SERVER=/path/to/it). " +
                "Tests that need Redis fail rather than skip.");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
