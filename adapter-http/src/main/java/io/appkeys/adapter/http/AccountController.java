package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.port.in.FindAccountUseCase;
import io.appkeys.core.port.in.ListAppKeysUseCase;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

/** VTEX's {@code GET /api/vlm/account}: the caller's account and its app keys, with {@code appToken: null}. */
@Controller("/api/vlm/account")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "App keys")
final class AccountController {

    private final FindAccountUseCase accounts;
    private final ListAppKeysUseCase keys;

    AccountController(FindAccountUseCase accounts, ListAppKeysUseCase keys) {
        this.accounts = accounts;
        this.keys = keys;
    }

    @Get
    @Operation(summary = "Read the caller's account and its app keys")
    AccountJson account(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller) {
        Instant now = Instant.now();
        List<AccountKey> appKeys = Pages.all(page -> keys.listAppKeys(caller, page)).stream()
                .map(listed -> AccountKey.of(listed.key(), now))
                .toList();
        Account account = accounts.findAccount(caller.account())
                .orElseThrow(() -> new NotFoundException("account " + caller.account() + " not found"));
        return new AccountJson(
                account.id().toString(),
                account.name().value(),
                account.name().value(),
                true,
                account.createdIn().toString(),
                new Contact(account.masterEmail().value()),
                appKeys);
    }

    /** The subset of VTEX's account that AppKeys knows; the name doubles as the company name VTEX would show. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AccountJson(
            String id,
            String name,
            String accountName,
            boolean isActive,
            String creationDate,
            Contact contact,
            List<AccountKey> appKeys) {}

    record Contact(String email) {}

    /**
     * A key as the account shows it: {@code appToken} is always null, as VTEX's; {@code expiresIn} and
     * {@code expired}, AppKeys' own members, appear only for a key that expires.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AccountKey(
            String id,
            String appKey,
            String appToken,
            String label,
            String createdIn,
            boolean isActive,
            boolean isBlocked,
            @JsonInclude(JsonInclude.Include.NON_NULL) String expiresIn,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean expired) {

        static AccountKey of(AppKey key, Instant now) {
            return new AccountKey(
                    key.id().toString(),
                    key.appKey().value(),
                    null,
                    key.label().value(),
                    key.createdIn().toString(),
                    key.active(),
                    false,
                    AppKeysController.expiresIn(key),
                    AppKeysController.expired(key, now));
        }
    }
}
