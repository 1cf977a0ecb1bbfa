package io.appkeys.core.service;

import static io.appkeys.core.fixtures.World.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.fixtures.MutableClock;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.ReadRecentAuditLogUseCase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditServiceTest {

    private final World world = new World();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void everyChange_recordsWhoWhatWhenAndFromWhere() {
        Caller admin = new Caller(
                world.callerOf(world.keyWithRole(LicenseManager.USER_ADMINISTRATOR))
                        .principal(),
                "10.1.2.3");
        CreatedAppKey made = world.appKeys.createAppKey(admin, new Label("by admin"));

        AuditEvent last = lastEvent();

        assertEquals(AuditAction.KEY_CREATED, last.action());
        assertEquals("appkey:" + ((io.appkeys.core.domain.KeyPrincipal) admin.principal()).appKey(), last.actor());
        assertEquals("appkey:" + made.key().appKey() + " label:by admin", last.target());
        assertEquals(MutableClock.START, last.at());
        assertEquals("10.1.2.3", last.origin());
    }

    @Test
    void readsArePagedOldestFirst() {
        for (int i = 0; i < 4; i++) {
            world.appKeys.addUser(world.master, new Email("u" + i + "@acme.com"), Optional.empty());
        }

        Page<AuditEntry> first = world.appKeys.readAuditLog(world.master, PageRequest.first(2));
        Page<AuditEntry> rest = world.appKeys.readAuditLog(
                world.master, first.next().map(PageRequest.first(10)::next).orElseThrow());

        assertEquals(
                List.of(AuditAction.ACCOUNT_CREATED, AuditAction.USER_ADDED),
                first.items().stream().map(e -> e.event().action()).toList());
        assertEquals(3, rest.items().size());
    }

    @Test
    void recentReads_areNewestFirst_andTheirCursorLeadsToOlderEntries() {
        for (int i = 0; i < 4; i++) {
            world.appKeys.addUser(world.master, new Email("u" + i + "@acme.com"), Optional.empty());
        }
        ReadRecentAuditLogUseCase recent = world.appKeys.use(ReadRecentAuditLogUseCase.class);

        Page<AuditEntry> first = recent.readRecentAuditLog(world.master, PageRequest.first(2));
        Page<AuditEntry> rest = recent.readRecentAuditLog(
                world.master, first.next().map(PageRequest.first(10)::next).orElseThrow());

        assertEquals(
                List.of("USER_ADDED u3", "USER_ADDED u2"),
                first.items().stream().map(AuditServiceTest::actionAndUser).toList());
        assertEquals(
                List.of("USER_ADDED u1", "USER_ADDED u0", "ACCOUNT_CREATED owner"),
                rest.items().stream().map(AuditServiceTest::actionAndUser).toList());
        assertEquals(Optional.empty(), rest.next());
    }

    @Test
    void readingRecentEntries_needsViewApiKeysOrSaveUser() {
        ReadRecentAuditLogUseCase recent = world.appKeys.use(ReadRecentAuditLogUseCase.class);
        Caller nobody = world.callerOf(world.newKey("nobody"));

        assertThrows(ForbiddenException.class, () -> recent.readRecentAuditLog(nobody, PageRequest.first()));
        recent.readRecentAuditLog(world.callerOf(world.keyWithRole(LicenseManager.OWNER)), PageRequest.first());
    }

    private static String actionAndUser(AuditEntry entry) {
        String target = entry.event().target();
        int at = target.indexOf('@');
        String user = at < 0 ? "" : " " + target.substring(target.lastIndexOf(':', at) + 1, at);
        return entry.event().action() + user;
    }

    @Test
    void failedChanges_leaveNoAuditRow() {
        CreatedAppKey key = world.newKey("k");
        int before = world.appKeys
                .readAuditLog(world.master, PageRequest.first())
                .items()
                .size();

        world.appKeys.renewAppToken(world.master, ref(key));
        assertThrows(RuntimeException.class, () -> world.appKeys.renewAppToken(world.master, ref(key)));

        assertEquals(
                before + 1,
                world.appKeys
                        .readAuditLog(world.master, PageRequest.first())
                        .items()
                        .size());
    }

    @Test
    void readingTheLog_needsViewApiKeysOrSaveUser() {
        Caller nobody = world.callerOf(world.newKey("nobody"));
        Caller owner = world.callerOf(world.keyWithRole(LicenseManager.OWNER));

        assertThrows(ForbiddenException.class, () -> world.appKeys.readAuditLog(nobody, PageRequest.first()));
        world.appKeys.readAuditLog(owner, PageRequest.first());
    }

    private AuditEvent lastEvent() {
        List<AuditEntry> all = world.appKeys
                .readAuditLog(world.master, PageRequest.first(1000))
                .items();
        return all.get(all.size() - 1).event();
    }
}
