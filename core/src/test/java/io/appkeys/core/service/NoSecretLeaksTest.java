package io.appkeys.core.service;

import static io.appkeys.core.fixtures.World.ref;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.fixtures.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A token is returned by create and renew only, and printed nowhere. */
class NoSecretLeaksTest {

    private final World world = new World();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void noToken_inAnyListGetAuditRecordOrToString() {
        CreatedAppKey created = world.newKey("secretive");
        RenewedToken renewed = world.appKeys.renewAppToken(world.master, ref(created));
        List<String> secrets =
                List.of(created.token().reveal(), renewed.newToken().reveal());

        List<String> printed = new ArrayList<>();
        printed.add(created.toString());
        printed.add(created.token().toString());
        printed.add(renewed.toString());
        printed.add(world.appKeys.listAppKeys(world.master, PageRequest.first()).toString());
        printed.add(world.appKeys.getAppKey(world.master, ref(created)).toString());
        printed.add(
                world.appKeys.readAuditLog(world.master, PageRequest.first()).toString());
        printed.add(
                world.storage.keys().findWithCredentials(created.key().appKey()).toString());
        printed.add(world.authenticate(created).toString());

        for (String text : printed) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), () -> "a token leaked into: " + text);
                assertFalse(text.contains(secret.substring(0, 20)), () -> "part of a token leaked into: " + text);
            }
        }
    }

    @Test
    void aRejectedToken_isNotEchoedInTheError() {
        String almost = world.newKey("k").token().reveal().substring(0, AppToken.LENGTH - 1) + "1";

        InvalidInputException error = assertThrows(InvalidInputException.class, () -> AppToken.parse(almost));

        assertFalse(error.getMessage().contains(almost.substring(0, 20)));
    }
}
