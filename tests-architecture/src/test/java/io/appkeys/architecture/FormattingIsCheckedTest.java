package io.appkeys.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mvnw verify} refuses a source file that is not formatted, in any module: a project that inherits the
 * build's root pom fails to verify with one badly formatted class, and verifies once that class is formatted.
 * Runs the real wrapper offline, with the plugins the build in progress has already resolved.
 */
class FormattingIsCheckedTest {

    private static final String FORMATTED = """
            package demo;

            public class Sample {
                public int twice(int x) {
                    return x * 2;
                }
            }
            """;

    private static final String UNFORMATTED = """
            package demo;
            public class Sample {   public int  twice(int x){return x*2;}
            }
            """;

    @TempDir
    Path project;

    @Test
    void verify_failsOnAnUnformattedFile_andPassesOnceItIsFormatted() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Files.writeString(project.resolve("pom.xml"), pomInheriting(root.resolve("pom.xml")));
        Path source = project.resolve("src/main/java/demo/Sample.java");
        Files.createDirectories(source.getParent());

        Files.writeString(source, UNFORMATTED);
        Run unformatted = verify(root);
        assertNotEquals(0, unformatted.exit(), unformatted.output());
        assertTrue(unformatted.output().contains("spotless"), unformatted.output());
        assertTrue(unformatted.output().contains("Sample.java"), unformatted.output());

        Files.writeString(source, FORMATTED);
        Run formatted = verify(root);
        assertEquals(0, formatted.exit(), formatted.output());
    }

    private Run verify(Path root) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                root.resolve("mvnw").toString(),
                "--offline",
                "--batch-mode",
                "-f",
                project.resolve("pom.xml").toString()));
        String repository = System.getProperty("appkeys.local-repository");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.add("verify");
        Path log = project.resolve("maven.log");
        Process maven = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!maven.waitFor(5, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new AssertionError("maven did not finish in 5 minutes:\n" + Files.readString(log));
        }
        return new Run(maven.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String pomInheriting(Path rootPom) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>io.appkeys</groupId>
                    <artifactId>appkeys-parent</artifactId>
                    <version>0.1.0-SNAPSHOT</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <artifactId>formatting-fixture</artifactId>
                </project>
                """.formatted(rootPom);
    }

    private record Run(int exit, String output) {}
}
