package io.appkeys.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.LoginResult;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import io.appkeys.core.port.in.SetAppKeyMetadataUseCase;
import io.appkeys.core.port.in.SetAppKeyNetworksUseCase;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A key's networks: a caller outside them, or whose address is unknown, fails authentication as with an inactive
 * key, through the full check, the cache and signed tokens alike; and a key's metadata, carried by its principal.
 */
class NetworkRestrictionTest {

    private static final Optional<IpAddress> INSIDE = Optional.of(IpAddress.parse("203.0.113.9"));
    private static final Optional<IpAddress> INSIDE_V6 = Optional.of(IpAddress.parse("2001:db8:1::9"));
    private static final Optional<IpAddress> OUTSIDE = Optional.of(IpAddress.parse("198.51.100.9"));
    private static final AllowedNetworks NETWORKS = AllowedNetworks.parse("203.0.113.0/24, 2001:db8::/32");

    private final World world = new World();
    private final AuthenticateUseCase authentication = world.appKeys.use(AuthenticateUseCase.class);
    private final SetAppKeyNetworksUseCase restricting = world.appKeys.use(SetAppKeyNetworksUseCase.class);

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aRestrictedKey_authenticatesFromItsNetworksOnly_andNeverFromAnUnknownAddress() {
        CreatedAppKey key = restricted();

        assertInstanceOf(Authenticated.class, from(key, INSIDE));
        assertInstanceOf(Authenticated.class, from(key, INSIDE_V6));
        assertEquals(RejectionReason.DISALLOWED_ADDRESS, refusal(from(key, OUTSIDE)));
        assertEquals(RejectionReason.DISALLOWED_ADDRESS, refusal(from(key, Optional.empty())));
    }

    @Test
    void theCache_neverAnswersForAnotherAddress() {
        CreatedAppKey key = restricted();
        assertInstanceOf(Authenticated.class, from(key, INSIDE)); // cached now
        int verifications = world.hasher.verifications();

        assertEquals(RejectionReason.DISALLOWED_ADDRESS, refusal(from(key, OUTSIDE)));
        assertInstanceOf(Authenticated.class, from(key, INSIDE));
        assertEquals(verifications, world.hasher.verifications(), "no hashing for either");
    }

    @Test
    void aDisallowedAddress_isRefusedExactlyAsAnInactiveKeyIs() {
        CreatedAppKey key = restricted();
        CreatedAppKey inactive = world.newKey("inactive");
        world.appKeys.setAppKeyActive(world.master, World.ref(inactive), false);

        Rejected outside = assertInstanceOf(Rejected.class, from(key, OUTSIDE));
        Rejected deactivated = assertInstanceOf(Rejected.class, from(inactive, INSIDE));

        assertEquals(deactivated.holdFor(), outside.holdFor());
        assertEquals(0, world.hasher.verifications(), "no hashing for either");
    }

    @Test
    void aSignedToken_isRestrictedAsItsKeyIs() {
        CreatedAppKey key = restricted();
        LoginUseCase login = world.appKeys.use(LoginUseCase.class);
        assertInstanceOf(
                LoginResult.Refused.class,
                login.login(authentication.attempt(
                        key.key().appKey().value(), key.token().reveal(), "t", OUTSIDE)));
        LoginResult.LoggedIn loggedIn = assertInstanceOf(
                LoginResult.LoggedIn.class,
                login.login(authentication.attempt(
                        key.key().appKey().value(), key.token().reveal(), "t", INSIDE)));
        String token = loggedIn.token().reveal();

        assertInstanceOf(
                Authenticated.class, authentication.authenticate(authentication.attemptToken(token, "t", INSIDE)));
        assertEquals(
                RejectionReason.DISALLOWED_ADDRESS,
                refusal(authentication.authenticate(authentication.attemptToken(token, "t", OUTSIDE))));
        assertEquals(
                RejectionReason.DISALLOWED_ADDRESS,
                refusal(authentication.authenticate(authentication.attemptToken(token, "t"))));
    }

    @Test
    void aRestriction_holdsFromTheNextRequest_isLifted_andIsAudited() {
        CreatedAppKey key = world.newKey("k");
        assertInstanceOf(Authenticated.class, from(key, OUTSIDE)); // cached, unrestricted

        AppKey changed = restricting.setAppKeyNetworks(world.master, World.ref(key), NETWORKS);
        assertEquals(NETWORKS, changed.networks());
        assertEquals(RejectionReason.DISALLOWED_ADDRESS, refusal(from(key, OUTSIDE)));

        restricting.setAppKeyNetworks(world.master, World.ref(key), AllowedNetworks.ANYWHERE);
        assertInstanceOf(Authenticated.class, from(key, OUTSIDE));
        assertInstanceOf(Authenticated.class, from(key, Optional.empty()));

        List<String> audited = world.appKeys.readAuditLog(world.master, PageRequest.first(100)).items().stream()
                .filter(entry -> entry.event().action() == AuditAction.KEY_NETWORKS_SET)
                .map(entry -> entry.event().target())
                .toList();
        assertEquals(
                List.of(
                        "appkey:" + key.key().appKey() + " networks:203.0.113.0/24,2001:db8::/32",
                        "appkey:" + key.key().appKey() + " networks:anywhere"),
                audited);
    }

    @Test
    void onlyKeyEditors_restrictKeys() {
        CreatedAppKey editor = world.keyWithRole(LicenseManager.USER_ADMINISTRATOR);
        CreatedAppKey nobody = world.newKey("nobody");
        Caller asEditor = world.callerOf(editor);
        Caller asNobody = world.callerOf(nobody);

        restricting.setAppKeyNetworks(asEditor, World.ref(nobody), NETWORKS);
        assertThrows(
                ForbiddenException.class, () -> restricting.setAppKeyNetworks(asNobody, World.ref(editor), NETWORKS));
    }

    @Test
    void onlyKeyEditors_setMetadata() {
        CreatedAppKey viewer = world.newKey("viewer");
        world.appKeys.linkRoles(
                world.master,
                new PrincipalRef.ByAppKey(viewer.key().appKey()),
                Set.of(world.appKeys
                        .createRole(world.master, new RoleName("Viewer"), Set.of(LicenseManager.VIEW_API_KEYS))
                        .id()));
        Caller asViewer = world.callerOf(viewer);

        assertThrows(
                ForbiddenException.class,
                () -> world.appKeys
                        .use(SetAppKeyMetadataUseCase.class)
                        .setAppKeyMetadata(asViewer, World.ref(viewer), Optional.of(KeyMetadata.of("{}"))));
    }

    @Test
    void metadata_isCarriedByThePrincipal_fromTheCacheToo_andChangesFromTheNextRequest() {
        CreatedAppKey key = world.newKey("k");
        SetAppKeyMetadataUseCase metadata = world.appKeys.use(SetAppKeyMetadataUseCase.class);
        KeyMetadata gold = KeyMetadata.of("{\"plan\":\"gold\"}");

        metadata.setAppKeyMetadata(world.master, World.ref(key), Optional.of(gold));
        assertEquals(Optional.of(gold), principalOf(key).metadata());
        assertEquals(Optional.of(gold), principalOf(key).metadata(), "from the cache");
        assertEquals(
                Optional.of(gold),
                world.appKeys.getAppKey(world.master, World.ref(key)).key().metadata());

        metadata.setAppKeyMetadata(world.master, World.ref(key), Optional.empty());
        assertEquals(Optional.empty(), principalOf(key).metadata());
        assertTrue(world.appKeys.readAuditLog(world.master, PageRequest.first(100)).items().stream()
                .anyMatch(entry -> entry.event().action() == AuditAction.KEY_METADATA_SET
                        && entry.event().target().endsWith(" metadata:15bytes")));
    }

    private io.appkeys.core.domain.KeyPrincipal principalOf(CreatedAppKey key) {
        return assertInstanceOf(Authenticated.class, world.authenticate(key)).principal();
    }

    private CreatedAppKey restricted() {
        CreatedAppKey key = world.newKey("restricted");
        restricting.setAppKeyNetworks(world.master, World.ref(key), NETWORKS);
        return key;
    }

    private AuthenticationResult from(CreatedAppKey key, Optional<IpAddress> address) {
        return authentication.authenticate(
                authentication.attempt(key.key().appKey().value(), key.token().reveal(), "test", address));
    }

    private static RejectionReason refusal(AuthenticationResult result) {
        return assertInstanceOf(Rejected.class, result).reason();
    }
}
