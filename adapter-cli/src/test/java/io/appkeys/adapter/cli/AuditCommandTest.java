package io.appkeys.adapter.cli;

import static io.appkeys.adapter.cli.JsonShapes.fieldsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("io.appkeys.adapter.cli.TestStore#all")
class AuditCommandTest {

    private final Cli cli;
    private final String account;

    AuditCommandTest(TestStore store) {
        this.cli = Cli.on(store);
        this.account = cli.newAccount();
    }

    @AfterParameterizedClassInvocation
    static void dropStore(TestStore store) {
        store.drop();
    }

    @Test
    void auditList_recordsWhoChangedWhatFromTheCli() {
        String appKey = cli.createKey(account, "audited").get("appKey").asText();

        Result table = cli.run("audit", "list", "--account", account).ok();

        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).matches("SEQUENCE +AT +ACTOR +ACTION +TARGET +ORIGIN"), table::toString);
        assertTrue(
                lines.get(1).matches("\\d+ +\\S+ +operator +ACCOUNT_CREATED +account:" + account + " .* +cli"),
                table::toString);
        assertTrue(
                lines.get(2)
                        .matches("\\d+ +\\S+ +user:owner@" + account + "\\.example\\.com +KEY_CREATED" + " +appkey:"
                                + appKey + " label:audited +cli"),
                table::toString);
        assertEquals(3, lines.size(), "a single page has no cursor line");
    }

    @Test
    void auditList_pagesByCursor_untilThereIsNoNextPage() {
        for (int i = 1; i <= 4; i++) {
            cli.run("user", "add", "u" + i + "@example.com", "--account", account)
                    .ok();
        }

        List<Long> sequences = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = after == null
                    ? cli.run("audit", "list", "--account", account, "--limit", "2", "--json")
                            .json()
                    : cli.run("audit", "list", "--account", account, "--limit", "2", "--after", after, "--json")
                            .json();
            assertEquals(Set.of("items", "next"), fieldsOf(page));
            page.get("items").forEach(event -> {
                assertEquals(Set.of("sequence", "at", "actor", "action", "target", "origin"), fieldsOf(event));
                sequences.add(event.get("sequence").asLong());
            });
            after = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (after != null);

        assertEquals(5, sequences.size(), "account created, then four users");
        assertEquals(sequences.stream().sorted().distinct().toList(), sequences, "oldest first, no repeats");
        assertEquals(3, pages);
    }

    @Test
    void auditList_forPeople_printsTheNextCursor() {
        cli.run("user", "add", "next@example.com", "--account", account).ok();

        Result first =
                cli.run("audit", "list", "--account", account, "--limit", "1").ok();

        String last = first.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("Next page: --after "), first::toString);
        Result second = cli.run(
                        "audit",
                        "list",
                        "--account",
                        account,
                        "--limit",
                        "1",
                        "--after",
                        last.substring("Next page: --after ".length()))
                .ok();
        assertTrue(second.out().contains("USER_ADDED"), second::toString);
    }

    @Test
    void aCursorThatTheCliDidNotPrint_isAUsageError() {
        String line = cli.run("audit", "list", "--account", account, "--after", "garbage!")
                .fails(ExitCodes.USAGE);

        assertTrue(line.contains("cursor 'garbage!' is not one this service returned"), line);
    }

    @Test
    void aLimitOutOfRange_isAUsageError() {
        String line =
                cli.run("audit", "list", "--account", account, "--limit", "0").fails(ExitCodes.USAGE);

        assertEquals("appkeys audit list: page size must be between 1 and 1000, got 0", line);
        cli.run("audit", "list", "--account", account, "--limit", "lots").fails(ExitCodes.USAGE);
    }
}
