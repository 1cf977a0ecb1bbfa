package io.appkeys.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.port.in.AuthenticateUseCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The embedding entry point gives every use case by its port, and nothing else. */
class AppKeysTest {

    @Test
    void everyUseCasePort_isGiven() throws IOException {
        Set<String> ports;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/appkeys/core/port/in"))) {
            ports = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith("UseCase.java"))
                    .map(name -> "io.appkeys.core.port.in." + name.substring(0, name.length() - ".java".length()))
                    .collect(Collectors.toSet());
        }
        try (AppKeys appKeys = AppKeys.builder().argon2(Argon2Parameters.fast()).build()) {
            assertEquals(ports, appKeys.useCases().stream().map(Class::getName).collect(Collectors.toSet()));
            for (Class<?> port : appKeys.useCases()) {
                assertInstanceOf(port, appKeys.use(port));
            }
        }
    }

    @Test
    void aClassThatIsNoUseCase_isRefused() {
        try (AppKeys appKeys = AppKeys.builder().argon2(Argon2Parameters.fast()).build()) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> appKeys.use(AutoCloseable.class));
            assertEquals("java.lang.AutoCloseable is not a use case of AppKeys", refused.getMessage());
            assertInstanceOf(AuthenticateUseCase.class, appKeys.use(AuthenticateUseCase.class));
        }
    }
}
