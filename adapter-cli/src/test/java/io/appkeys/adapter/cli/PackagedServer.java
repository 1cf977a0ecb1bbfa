package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/**
 * The packaged server jar run as its own process on the embedded store in {@code home}, on a free port of
 * 127.0.0.1, its output in a log beside the home; started once {@code /health} answers, stopped by {@link #close}.
 */
final class PackagedServer implements AutoCloseable {

    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final Process process;
    private final int port;

    private PackagedServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server with these JVM options, and waits until it answers. */
    static PackagedServer start(Path jar, Path home, String... jvmOptions) throws IOException, InterruptedException {
        return start(jar, home, Map.of(), jvmOptions);
    }

    /** Starts the server with these AppKeys settings in its environment and these JVM options. */
    static PackagedServer start(Path jar, Path home, Map<String, String> settings, String... jvmOptions)
            throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(jar), "package the server first (adapter-http): " + jar);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(home);
        Path log = home.resolveSibling(home.getFileName() + "-server.log");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("APPKEYS_"));
        builder.environment().put("APPKEYS_HOME", home.toString());
        builder.environment().put("APPKEYS_PORT", Integer.toString(port));
        builder.environment().put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        builder.environment().putAll(settings);
        PackagedServer server = new PackagedServer(builder.start(), port);
        server.awaitHealth(log);
        return server;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void awaitHealth(Path log) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(uri("/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (true) {
            assertTrue(process.isAlive(), "the server stopped; see " + log);
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(System.nanoTime() - deadline < 0, "the server did not start within " + START_DEADLINE);
            Thread.sleep(100);
        }
    }

    /** Sends SIGTERM and waits, at most {@code deadline}, for the process to end; returns its exit code. */
    int terminate(Duration deadline) throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS), "the server ended within " + deadline);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
