package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.core.domain.LicenseManager;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged CLI jar run as its own process on the embedded store in {@code home}, with the start-up flags
 * the launcher script uses (C1 only and the serial collector) and no other AppKeys setting from the
 * environment.
 */
final class PackagedCli {

    private final Path jar;
    private final Path home;

    PackagedCli(Path jar, Path home) {
        this.jar = jar;
        this.home = home;
    }

    Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("APPKEYS_"));
        environment.put("APPKEYS_HOME", home.toString());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.US_ASCII));
        }
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command ended");
        return new Result(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** The id of the account's predefined role Owner (Admin Super), as {@code role list} gives it. */
    String ownerRoleId(String account) throws IOException, InterruptedException {
        for (JsonNode role :
                run("", "role", "list", "--account", account, "--json").json()) {
            if (role.get("name").asText().equals(LicenseManager.OWNER.value())) {
                return role.get("id").asText();
            }
        }
        throw new AssertionError("no role named " + LicenseManager.OWNER.value() + " in account " + account);
    }
}
