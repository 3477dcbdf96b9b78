package dev.slipstream.gateway.prompt;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the registry when anything in its directory changes. Watches the directory and each prompt
 * directory in it (new ones too) on a virtual thread; after a change it waits until the tree has been quiet
 * for the debounce time, so an editor's save, often several writes, is read once and complete.
 */
public final class PromptDirectoryWatcher implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(PromptDirectoryWatcher.class);

    private final PromptRegistry registry;
    private final Path directory;
    private final Duration debounce;
    private final WatchService watchService;
    private final Thread thread;

    private PromptDirectoryWatcher(PromptRegistry registry, Path directory, Duration debounce) throws IOException {
        this.registry = requireNonNull(registry, "registry");
        this.directory = requireNonNull(directory, "directory");
        this.debounce = requireNonNull(debounce, "debounce");
        watchService = directory.getFileSystem().newWatchService();
        registerTree();
        thread = Thread.ofVirtual().name("prompt-watcher").start(this::run);
    }

    /** Starts watching {@code directory} for {@code registry}. */
    public static PromptDirectoryWatcher start(PromptRegistry registry, Path directory, Duration debounce)
            throws IOException {
        return new PromptDirectoryWatcher(registry, directory, debounce);
    }

    private void run() {
        try {
            while (true) {
                waitForChange(watchService.take());
                // Debounce: keep draining until nothing has changed for the whole debounce time.
                WatchKey next;
                while ((next = watchService.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    waitForChange(next);
                }
                try {
                    registerTree();
                } catch (IOException e) {
                    // E.g. the directory is being replaced; the reload reports it, and watching goes on.
                    logger.warn("Cannot watch all of {} for prompt changes: {}", directory, e.toString());
                }
                registry.reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: stop watching.
        }
    }

    private static void waitForChange(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** Registers the directory and its prompt directories; registering one twice is harmless. */
    private void registerTree() throws IOException {
        directory.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY, OVERFLOW);
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (Files.isDirectory(entry)) {
                    entry.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY, OVERFLOW);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            watchService.close();
        } catch (IOException e) {
            logger.debug("Closing the prompt watcher failed", e);
        }
        thread.interrupt();
    }
}
