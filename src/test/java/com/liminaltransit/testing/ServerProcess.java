package com.liminaltransit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged server ({@code target/liminal-transit.jar}) started with {@code java -jar} exactly as a developer
 * would, with its default configuration, on a free loopback port, in its own working directory (so its
 * default H2 database lands in a fresh {@code ./data}). Used by the jar ITs and the browser e2e.
 */
public final class ServerProcess implements AutoCloseable {

    /**
     * A bound, not a pace: the server is ready in 2-3 s on a quiet machine, and was seen to need over 60 s while
     * several builds shared two cores.
     */
    private static final Duration START_BOUND = Duration.ofSeconds(180);

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final Map<String, String> extraConfig;
    private Process process;
    private Duration lastStartUp;

    private ServerProcess(Path dataDir, int port, int managementPort, Map<String, String> extraConfig)
            throws IOException {
        this.dataDir = dataDir;
        this.port = port;
        this.managementPort = managementPort;
        this.extraConfig = extraConfig;
        this.log = dataDir.resolve("server.log");
    }

    /** Starts a server on a fresh data directory and waits until it is ready. */
    public static ServerProcess start(Map<String, String> extraConfig) {
        try {
            ServerProcess server =
                    new ServerProcess(Files.createTempDirectory("liminal-server"), freePort(), freePort(), extraConfig);
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The management socket's base URI (metrics, health with details, OpenAPI), on its own free port. */
    public URI managementBase() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    /** How long the last start took until {@code /health/ready} answered 200. */
    public Duration lastStartUp() {
        return lastStartUp;
    }

    /** The process id of the running server. */
    public long pid() {
        return process.pid();
    }

    /** Starts the server (again) on the same port and data directory, and waits until it is ready. */
    public void startAgain() {
        Path jar = Path.of(System.getProperty("liminal.jar", "target/liminal-transit.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the ITs with 'mvn verify' (after package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dserver.host=127.0.0.1",
                "-Dserver.port=" + port,
                "-Dserver.sockets.0.port=" + managementPort));
        // No database URL: the default one (an H2 file under ./data) is what is tested, in the data directory.
        extraConfig.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        long started = System.nanoTime();
        try {
            process = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            awaitReady();
        } catch (RuntimeException | AssertionError notReady) {
            kill(); // a server that never became ready must not outlive the test that started it
            throw notReady;
        }
        lastStartUp = Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops the server the way an operator does (SIGTERM) and waits for it to exit. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the server with SIGKILL, as a crash would: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        boolean ready = Await.within(START_BOUND, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; log:\n" + logTail());
            }
            return readyAnswers200(http);
        });
        if (!ready) {
            throw new IllegalStateException(
                    "server not ready within " + START_BOUND.toSeconds() + " s; log:\n" + logTail());
        }
    }

    private boolean readyAnswers200(HttpClient http) {
        try {
            HttpResponse<Void> ready = http.send(
                    HttpRequest.newBuilder(base().resolve("/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return ready.statusCode() == 200;
        } catch (IOException notYet) {
            return false; // still starting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The end of the server's log, for failure messages: long enough to hold the root cause of a start-up failure
     * raised deep inside CDI (a bean created through another's proxy adds some thirty frames).
     */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 100), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
