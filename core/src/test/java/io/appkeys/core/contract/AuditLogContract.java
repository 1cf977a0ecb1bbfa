package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.appkeys.core.port.out.AuditLog}. */
public abstract class AuditLogContract extends StorageContractSupport {

    private AuditEvent event(Account account, int n) {
        return new AuditEvent(
                account.name(),
                at(n),
                "user:" + account.masterEmail(),
                AuditAction.KEY_CREATED,
                "appkey:number-" + n,
                "10.0.0." + n);
    }

    @Test
    void append_givesGrowingSequences_andKeepsTheEvent() {
        Account account = newAccount();

        AuditEntry first = storage.audit().append(event(account, 1));
        AuditEntry second = storage.audit().append(event(account, 2));

        assertTrue(second.sequence() > first.sequence());
        assertEquals(event(account, 1), first.event());
        assertEquals(
                List.of(first, second),
                storage.audit().list(account.name(), PageRequest.first()).items());
    }

    @Test
    void list_pagesThroughOneAccountsEvents_oldestFirst() {
        Account account = newAccount();
        Account other = newAccount();
        List<AuditEntry> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(storage.audit().append(event(account, i)));
            storage.audit().append(event(other, i));
        }

        List<AuditEntry> all = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<AuditEntry> page = storage.audit().list(account.name(), request);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertEquals(expected, all);
    }

    @Test
    void listNewestFirst_pagesThroughOneAccountsEvents_fromTheLatest() {
        Account account = newAccount();
        Account other = newAccount();
        List<AuditEntry> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(0, storage.audit().append(event(account, i)));
            storage.audit().append(event(other, i));
        }

        List<AuditEntry> all = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<AuditEntry> page = storage.audit().listNewestFirst(account.name(), request);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertEquals(expected, all);
    }
}
