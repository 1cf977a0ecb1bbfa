package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's nginx as a child process with a directory of its own, running the documented gateway config
 * ({@code docs/gateway/nginx.conf}) with only its addresses and file paths replaced, so that the file the docs
 * show is the file the tests run. Nothing is installed here: without nginx a test skips, or fails when
 * {@code APPKEYS_REQUIRE_NGINX=1} (as in {@code .ci/run}, which installs it).
 */
final class Nginx implements AutoCloseable {

    static final Path DOCUMENTED = Path.of("..", "docs", "gateway", "nginx.conf");
    private static final String INSTALL = "nginx is needed for this test: apt-get install nginx";
    private static final Duration START_DEADLINE = Duration.ofSeconds(10);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The nginx binary; without one, the calling test is skipped, or failed where nginx is required. */
    static Path binary() {
        Optional<Path> found = Stream.concat(
                        Stream.of(Path.of("/usr/sbin/nginx")),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                                .filter(entry -> !entry.isEmpty())
                                .map(entry -> Path.of(entry, "nginx")))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty() && "1".equals(System.getenv("APPKEYS_REQUIRE_NGINX"))) {
            fail(INSTALL + " (APPKEYS_REQUIRE_NGINX=1)");
        }
        Assumptions.assumeTrue(found.isPresent(), INSTALL);
        return found.get();
    }

    /** Starts nginx on a free port of 127.0.0.1, in front of AppKeys and the upstream, and waits until it listens. */
    static Nginx start(Path binary, Path directory, int appKeysPort, int upstreamPort) throws IOException {
        int port = freePort();
        Files.createDirectories(directory);
        Path config = directory.resolve("nginx.conf");
        Files.writeString(config, config(directory, port, appKeysPort, upstreamPort));
        String globals = "daemon off; pid " + directory.resolve("nginx.pid") + "; error_log "
                + directory.resolve("error.log") + ";"
                + ("root".equals(System.getProperty("user.name")) ? " user root;" : "");
        Process process = new ProcessBuilder(
                        binary.toString(), "-p", directory.toString(), "-c", config.toString(), "-g", globals)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.out").toFile())
                .start();
        Nginx nginx = new Nginx(process, port);
        nginx.awaitListening(directory);
        return nginx;
    }

    /**
     * The documented config for these ports; every value replaced must be there exactly once, so that a change
     * to the documented file cannot leave the test running something else. nginx's scratch files go to the
     * directory too, since the packaged defaults need root.
     */
    private static String config(Path directory, int port, int appKeysPort, int upstreamPort) throws IOException {
        Map<String, String> replaced = new LinkedHashMap<>();
        replaced.put("listen 8000;", "listen 127.0.0.1:" + port + ";");
        replaced.put("server 127.0.0.1:8080;", "server 127.0.0.1:" + appKeysPort + ";");
        replaced.put("server 127.0.0.1:9000;", "server 127.0.0.1:" + upstreamPort + ";");
        replaced.put(
                "access_log /var/log/nginx/appkeys-gateway.access.log;",
                "access_log " + directory.resolve("access.log") + ";");
        StringBuilder scratch = new StringBuilder("http {\n");
        for (String kind : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            scratch.append("    ")
                    .append(kind)
                    .append("_temp_path ")
                    .append(directory.resolve(kind))
                    .append(";\n");
        }
        replaced.put("http {\n", scratch.toString());
        String config = Files.readString(DOCUMENTED);
        for (Map.Entry<String, String> each : replaced.entrySet()) {
            int first = config.indexOf(each.getKey());
            if (first < 0 || config.indexOf(each.getKey(), first + 1) >= 0) {
                throw new IllegalStateException(
                        DOCUMENTED + " should hold \"" + each.getKey().strip() + "\" once");
            }
            config = config.replace(each.getKey(), each.getValue());
        }
        return config;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitListening(Path directory) throws IOException {
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + port + " within " + START_DEADLINE
                + ":\n" + read(directory.resolve("nginx.out")) + read(directory.resolve("error.log")));
    }

    /** Stops nginx: a fast shutdown, which ends the workers first; after the deadline, a kill of every process. */
    @Override
    public void close() {
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                workers.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
