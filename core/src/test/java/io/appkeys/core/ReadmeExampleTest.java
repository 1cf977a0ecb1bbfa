package io.appkeys.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.AuthorizeUseCase;
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.LinkRolesUseCase;
import io.appkeys.core.port.in.ListRolesUseCase;
import io.appkeys.core.port.in.NewAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The embedding example of README.md: it runs here, and the README's block says the same, token for token, but
 * for the lines marked as the test's own.
 */
class ReadmeExampleTest {

    private static final String TEST_ONLY = "// test only";

    @Test
    void theReadmeExample_works() {
        // --- README example starts ---
        try (AppKeys appKeys = AppKeys.builder() // in memory, Argon2id, SecureRandom, system clock
                .argon2(Argon2Parameters.fast()) // test only: fast hashing
                .build()) {
            CreateAccountUseCase accounts = appKeys.use(CreateAccountUseCase.class);
            Account acme = accounts.createAccount(
                    new NewAccount(new AccountName("acme"), new Email("owner@acme.com"), Optional.empty(), "my-app"));
            Caller owner = Caller.master(acme, "my-app");

            CreatedAppKey key = appKeys.use(CreateAppKeyUseCase.class).createAppKey(owner, new Label("orders sync"));
            String appKey = key.key().appKey().value(); // public: vtexappkey-acme-XXXXXX
            String appToken = key.token().reveal(); // secret, shown this once

            RoleId admin =
                    appKeys.use(ListRolesUseCase.class).listRoles(owner).get(0).id(); // Owner (Admin Super)
            appKeys.use(LinkRolesUseCase.class).linkRoles(owner, PrincipalRef.parse(appKey), Set.of(admin));

            // On every request: the two headers' values, the client (throttle source) and its address (for networks)
            AuthenticateUseCase auth = appKeys.use(AuthenticateUseCase.class);
            AuthenticationResult result =
                    auth.authenticate(auth.attempt(appKey, appToken, "203.0.113.7", IpAddress.read("203.0.113.7")));
            boolean allowed = result instanceof AuthenticationResult.Authenticated ok
                    && appKeys.use(AuthorizeUseCase.class)
                            .authorize(ok.principal(), LicenseManager.VIEW_API_KEYS)
                            .allowed();
            assertTrue(allowed); // test only
        }
        // --- README example ends ---
    }

    @Test
    void theReadme_showsThisExample_inUnderTwentyLines() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("## Embedding the core library.*?```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "README.md has no Java block under 'Embedding the core library'");
        String shown = block.group(1);
        assertTrue(shown.lines().count() < 20, () -> "the README example has grown past 20 lines:\n" + shown);

        String source =
                Files.readString(Path.of("src/test/java", getClass().getName().replace('.', '/') + ".java"));
        String example = source.substring(
                source.indexOf("// --- README example starts ---\n") + "// --- README example starts ---\n".length(),
                source.indexOf("// --- README example ends ---"));
        String tested =
                example.lines().filter(line -> !line.contains(TEST_ONLY)).collect(Collectors.joining("\n"));
        assertEquals(tokens(tested), tokens(shown), "README.md's embedding example differs from this test's");
    }

    /** The code without its comments and layout. */
    private static String tokens(String code) {
        return code.lines()
                .map(line -> line.replaceAll("//.*", ""))
                .collect(Collectors.joining())
                .replaceAll("\\s+", "");
    }
}
