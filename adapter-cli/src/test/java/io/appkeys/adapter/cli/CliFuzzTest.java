package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.appkeys.adapter.persistence.Databases;
import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.fixtures.AllUseCases;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Arbitrary command lines, built from every command and option with values that are the account's own or
 * anything at all, through the real entry point: none is an unexpected error (exit code 1), every failure is
 * one line on stderr and nothing on stdout, and a failed command changes nothing in the store.
 */
class CliFuzzTest {

    /** Every command, in the shape its help gives; each {slot} takes a value of that kind, or anything. */
    private static final List<String> COMMANDS = List.of(
            "account create {name} --master-email {email}",
            "account create {name} --master-email {email} --master-name {text}",
            "account list",
            "user add {email} --account {account}",
            "user add {email} --name {text} --account {account}",
            "user list --account {account}",
            "user list --limit {number} --after {text} --account {account}",
            "user remove {principal} --account {account}",
            "key create --label {text} --account {account}",
            "key list --account {account}",
            "key list --limit {number} --account {account}",
            "key show {key} --account {account}",
            "key activate {key} --account {account}",
            "key deactivate {key} --account {account}",
            "key renew {key} --account {account}",
            "key finish-renewal {key} --account {account}",
            "key cancel-renewal {key} --account {account}",
            "key delete {key} --account {account}",
            "role list --account {account}",
            "role create --name {text} --resource {resource} --account {account}",
            "role grant {number} --to {principal} --account {account}",
            "role revoke {number} --from {principal} --account {account}",
            "resource list --account {account}",
            "resource create {resource} --product {text} --category {text} --account {account}",
            "audit list --account {account}",
            "audit list --limit {number} --after {text} --account {account}",
            "auth check --app-key {key}",
            "auth check --app-key {key} --resource {resource} --account {account}");

    private static final List<String> OPTIONS = List.of(
            "--account",
            "--label",
            "--master-email",
            "--name",
            "--limit",
            "--after",
            "--to",
            "--from",
            "--resource",
            "--product",
            "--app-key",
            "--json",
            "--verbose");

    private static TestStore store;
    private static Cli cli;
    private static AllUseCases reader;
    private static String account;
    private static String victim;
    private static String victimToken;

    @BeforeContainer
    static void start() {
        store = TestStore.h2();
        cli = Cli.on(store);
        account = cli.newAccount();
        var created = cli.createKey(account, "victim");
        victim = created.get("appKey").asText();
        victimToken = created.get("appToken").asText();
        cli.run("user", "add", "ana@" + account + ".example", "--account", account)
                .ok();
        reader = new AllUseCases(AppKeys.builder()
                .storage(Databases.open(store.settings()))
                .argon2(Argon2Parameters.fast())
                .usageFlushEvery(null)
                .build());
    }

    @AfterContainer
    static void stop() {
        reader.close();
        store.drop();
    }

    @Property(tries = 250)
    void anyCommandLine_isNeverAnUnexpectedError_andAFailedOneChangesNothing(
            @ForAll("commandLines") List<String> args, @ForAll("stdin") String input) {
        String before = state();
        String stdin = fill(input);

        Result result = cli.withInput(stdin, args.toArray(String[]::new));

        assertNotEquals(ExitCodes.SOFTWARE, result.exitCode(), () -> args + " -> " + result);
        if (result.exitCode() != ExitCodes.OK) {
            assertEquals("", result.out(), () -> args + ": a failure prints nothing on stdout\n" + result);
            if (!args.contains("--verbose")) {
                assertEquals(1, result.err().lines().count(), () -> args + ": a failure is one line\n" + result);
            }
            assertEquals(before, state(), () -> args + ": failed, yet changed the store\n" + result);
        }
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<List<String>> command = Arbitraries.of(COMMANDS).flatMap(template -> {
            List<String> words = List.of(template.split(" "));
            List<Arbitrary<String>> slots = words.stream()
                    .filter(word -> word.startsWith("{"))
                    .map(CliFuzzTest::slot)
                    .toList();
            return Combinators.combine(slots).as(values -> {
                List<String> line = new ArrayList<>();
                int next = 0;
                for (String word : words) {
                    line.add(word.startsWith("{") ? values.get(next++) : word);
                }
                return line;
            });
        });
        Arbitrary<List<String>> extra = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(List.<String>of())),
                Tuple.of(2, Arbitraries.just(List.of("--json"))),
                Tuple.of(
                        1, Combinators.combine(Arbitraries.of(OPTIONS), value()).as(List::of)),
                Tuple.of(1, value().map(List::of)));
        return Combinators.combine(command, extra).as((line, more) -> {
            List<String> all = new ArrayList<>(line);
            all.addAll(more);
            return all.stream().map(CliFuzzTest::fill).toList();
        });
    }

    @Provide
    Arbitrary<String> stdin() {
        return Arbitraries.oneOf(
                Arbitraries.just(""), value(), Arbitraries.just("A".repeat(128)), Arbitraries.just("@TOKEN@"));
    }

    /** A value for a slot: mostly one of its kind (the account's own names among them), else anything. */
    private static Arbitrary<String> slot(String kind) {
        Arbitrary<String> ofItsKind = switch (kind) {
            case "{account}" -> Arbitraries.of("@ACCOUNT@", "@ACCOUNT@", "nosuchaccount");
            case "{name}" ->
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(12);
            case "{email}" ->
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .ofMinLength(1)
                        .ofMaxLength(8)
                        .map(local -> local + "@@ACCOUNT@.example");
            case "{key}" -> Arbitraries.of("@VICTIM@", "@VICTIM@", "vtexappkey-@ACCOUNT@-NOSUCH");
            case "{principal}" -> Arbitraries.of("@VICTIM@", "ana@@ACCOUNT@.example", "nobody@@ACCOUNT@.example");
            case "{number}" -> Arbitraries.integers().between(-2, 12).map(Object::toString);
            case "{resource}" -> Arbitraries.of("ViewApiKeys", "EditApiKeys", "Save_User", "orders.read");
            default ->
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars(" .-_")
                        .ofMinLength(1)
                        .ofMaxLength(20)
                        .map(String::strip)
                        .filter(text -> !text.isEmpty());
        };
        return Arbitraries.frequencyOf(Tuple.of(10, ofItsKind), Tuple.of(1, value()));
    }

    /** Anything at all, and values that are wrong in the ways that matter. */
    private static Arbitrary<String> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "",
                                " ",
                                "-1",
                                "0",
                                "1e400",
                                "2147483648",
                                "x".repeat(200),
                                "vtexappkey-nosuch-ABCDEF",
                                "nul\u0000inside",
                                "half\ud800",
                                "--json")));
    }

    private static String fill(String text) {
        return text.replace("@VICTIM@", victim).replace("@ACCOUNT@", account).replace("@TOKEN@", victimToken);
    }

    /** Everything the store holds that a command could change, as text, read through core. */
    private static String state() {
        StringBuilder state = new StringBuilder();
        for (Account each : reader.listAccounts()) {
            Caller master = Caller.master(each, "test");
            state.append(each.name()).append('\n');
            reader.listAppKeys(master, PageRequest.first(1000)).items().forEach(key -> {
                var details = reader.getAppKey(master, KeyRef.of(key.id()));
                state.append(' ')
                        .append(key.appKey())
                        .append(' ')
                        .append(key.label())
                        .append(' ')
                        .append(key.active())
                        .append(' ')
                        .append(key.expiresIn())
                        .append(' ')
                        .append(key.networks())
                        .append(' ')
                        .append(key.metadata())
                        .append(' ')
                        // what a command can change of its tokens: not their age nor their last use
                        .append(details.tokens().tokenCreatedIn())
                        .append(' ')
                        .append(details.tokens().newTokenCreatedIn())
                        .append(' ')
                        .append(details.tokens().tokenExpiresIn())
                        .append(' ')
                        .append(details.roles().stream()
                                .map(role -> role.id().value())
                                .toList())
                        .append('\n');
            });
            reader.listUsers(master, PageRequest.first(1000))
                    .items()
                    .forEach(user -> state.append(' ')
                            .append(user.email())
                            .append(' ')
                            .append(reader.rolesOf(
                                            master,
                                            new PrincipalRef.ById(user.id().value()))
                                    .size())
                            .append('\n'));
            state.append(' ').append(reader.listRoles(master)).append('\n');
            state.append(' ').append(reader.listResources(master)).append('\n');
            state.append(' ')
                    .append(reader.readAuditLog(master, PageRequest.first(1000))
                            .items()
                            .size());
        }
        return state.toString();
    }
}
