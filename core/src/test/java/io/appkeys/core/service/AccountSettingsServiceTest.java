package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.ChangeAccountSettingsUseCase;
import io.appkeys.core.port.in.SetAppKeyExpiryUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An account's settings: who reads and changes them, that changes are audited, and the maximum lifetime of new
 * keys, which is off by default.
 */
class AccountSettingsServiceTest {

    private static final AccountSettings NINETY_DAYS =
            AccountSettings.DEFAULTS.withMaxKeyLifetime(Optional.of(Duration.ofDays(90)));

    private final World world = new World();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void byDefault_keysLiveForever_tokensAreDueEveryThreeMonths_andRenewalsDoNotFinishByThemselves() {
        assertEquals(AccountSettings.DEFAULTS, world.appKeys.accountSettings(world.master));
        assertEquals(
                Optional.empty(),
                world.appKeys.createAppKey(world.master, new Label("k")).key().expiresIn());
    }

    @Test
    void theMasterChangesThem_andTheChangeIsAudited_once() {
        AccountSettings changed =
                new AccountSettings(Optional.of(Duration.ofDays(90)), 6, Optional.of(Duration.ofDays(7)));

        assertEquals(changed, world.appKeys.changeAccountSettings(world.master, changed));
        world.appKeys.changeAccountSettings(world.master, changed); // no change: no entry

        assertEquals(changed, world.appKeys.accountSettings(world.master));
        List<AuditEntry> entries = world.appKeys.readAuditLog(world.master, PageRequest.first(100)).items().stream()
                .filter(entry -> entry.event().action() == AuditAction.ACCOUNT_SETTINGS_CHANGED)
                .toList();
        assertEquals(1, entries.size());
        assertEquals(
                "maxKeyLifetime:P90D renewTokensEvery:6months autoFinishRenewalsAfter:P7D",
                entries.get(0).event().target());
    }

    @Test
    void viewersReadThem_ownersChangeThem_keyAdministratorsDoNot() {
        Caller owner = world.callerOf(world.keyWithRole(LicenseManager.OWNER));
        Caller administrator = world.callerOf(world.keyWithRole(LicenseManager.USER_ADMINISTRATOR));
        Caller nobody = world.callerOf(world.newKey("no roles"));

        assertEquals(AccountSettings.DEFAULTS, world.appKeys.accountSettings(administrator));
        assertThrows(ForbiddenException.class, () -> world.appKeys.changeAccountSettings(administrator, NINETY_DAYS));
        assertThrows(ForbiddenException.class, () -> world.appKeys.accountSettings(nobody));
        assertEquals(NINETY_DAYS, world.appKeys.changeAccountSettings(owner, NINETY_DAYS));
    }

    @Test
    void aHolderOfEditApiKeysSettingsAlone_changesSomeSettings_andLeavesTheOthers() {
        world.appKeys.changeAccountSettings(world.master, NINETY_DAYS);
        Role settingsOnly = world.appKeys.createRole(
                world.master, new RoleName("Settings only"), Set.of(LicenseManager.EDIT_API_KEYS_SETTINGS));
        CreatedAppKey key = world.newKey("settings");
        world.appKeys.linkRoles(
                world.master, new PrincipalRef.ByAppKey(key.key().appKey()), Set.of(settingsOnly.id()));
        Caller caller = world.callerOf(key);

        AccountSettings changed = world.appKeys
                .use(ChangeAccountSettingsUseCase.class)
                .changeAccountSettings(caller, settings -> settings.withRenewEveryMonths(6));

        assertEquals(NINETY_DAYS.withRenewEveryMonths(6), changed);
        assertThrows(ForbiddenException.class, () -> world.appKeys.accountSettings(caller), "it may not view them");
    }

    @Test
    void anAutomaticFinish_mustComeBeforeTheExpirationPeriod() {
        AccountSettings thirtyDays = AccountSettings.DEFAULTS.withAutoFinishAfter(Optional.of(Duration.ofDays(30)));

        InvalidInputException refused = assertThrows(
                InvalidInputException.class, () -> world.appKeys.changeAccountSettings(world.master, thirtyDays));

        assertEquals(
                "renewals finish by themselves after P30D anyway: an automatic finish must come sooner, got P30D",
                refused.getMessage());
        assertEquals(AccountSettings.DEFAULTS, world.appKeys.accountSettings(world.master));
    }

    @Test
    void aMaximumLifetime_givesNewKeysAnExpiry_andRefusesALongerOne() {
        world.appKeys.changeAccountSettings(world.master, NINETY_DAYS);
        Instant latest = world.clock.instant().plus(Duration.ofDays(90));

        CreatedAppKey bounded = world.appKeys.createAppKey(world.master, new Label("bounded"));
        CreatedAppKey shorter = world.appKeys.createAppKey(
                world.master, new Label("shorter"), Optional.of(latest.minus(Duration.ofDays(1))));

        assertEquals(Optional.of(latest), bounded.key().expiresIn());
        assertEquals(
                Optional.of(latest.minus(Duration.ofDays(1))), shorter.key().expiresIn());
        assertThrows(
                InvalidInputException.class,
                () -> world.appKeys.createAppKey(world.master, new Label("longer"), Optional.of(latest.plusMillis(1))));
    }

    @Test
    void aMaximumLifetime_boundsAnExpirySetLater_andForbidsNever() {
        CreatedAppKey older = world.newKey("made before the maximum");
        world.appKeys.changeAccountSettings(world.master, NINETY_DAYS);
        SetAppKeyExpiryUseCase expiry = world.appKeys.use(SetAppKeyExpiryUseCase.class);
        world.clock.advance(Duration.ofDays(10));
        Instant latest = world.clock.instant().plus(Duration.ofDays(90));

        assertEquals(
                Optional.empty(),
                world.appKeys.getAppKey(world.master, World.ref(older)).key().expiresIn());
        assertThrows(
                InvalidInputException.class,
                () -> expiry.setAppKeyExpiry(world.master, World.ref(older), Optional.empty()));
        assertThrows(
                InvalidInputException.class,
                () -> expiry.setAppKeyExpiry(world.master, World.ref(older), Optional.of(latest.plusSeconds(1))));
        assertEquals(
                Optional.of(latest),
                expiry.setAppKeyExpiry(world.master, World.ref(older), Optional.of(latest))
                        .expiresIn());
    }

    @Test
    void turningTheMaximumOff_letsKeysLiveForeverAgain() {
        world.appKeys.changeAccountSettings(world.master, NINETY_DAYS);
        world.appKeys.changeAccountSettings(world.master, AccountSettings.DEFAULTS);

        assertTrue(world.appKeys
                .createAppKey(world.master, new Label("k"))
                .key()
                .expiresIn()
                .isEmpty());
    }
}
