package io.appkeys.adapter.http;

import io.appkeys.adapter.http.ConsoleSession.Signed;
import io.appkeys.adapter.http.console.Format;
import io.appkeys.adapter.http.console.Keys;
import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyDetails;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Cursor;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.ListedAppKey;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.port.in.CancelRenewalUseCase;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.DeleteAppKeyUseCase;
import io.appkeys.core.port.in.FinishRenewalUseCase;
import io.appkeys.core.port.in.GetAppKeyUseCase;
import io.appkeys.core.port.in.KeyFilter;
import io.appkeys.core.port.in.LinkRolesUseCase;
import io.appkeys.core.port.in.ListAppKeysUseCase;
import io.appkeys.core.port.in.ListRolesUseCase;
import io.appkeys.core.port.in.RenewAppTokenUseCase;
import io.appkeys.core.port.in.SetAppKeyActiveUseCase;
import io.appkeys.core.port.in.UnlinkRoleUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console's key pages: the list (paged, narrowed by label, state and due), creating a key (its token shown
 * once), and one key with its tokens, roles and the changes the signed-in key may make. Every change is a form
 * posted with the session's CSRF token, answered by a redirect to the page that shows its effect; a new token is
 * the one exception, shown in the answer itself, never again, and never cached.
 */
@Controller(ConsoleKeysController.KEYS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class ConsoleKeysController {

    static final String KEYS = ConsoleSession.PATH + "/keys";
    static final int PAGE_SIZE = 50;

    private final Console console;
    private final ListAppKeysUseCase listing;
    private final GetAppKeyUseCase showing;
    private final CreateAppKeyUseCase creating;
    private final SetAppKeyActiveUseCase activating;
    private final RenewAppTokenUseCase renewing;
    private final FinishRenewalUseCase finishing;
    private final CancelRenewalUseCase cancelling;
    private final DeleteAppKeyUseCase deleting;
    private final ListRolesUseCase roles;
    private final LinkRolesUseCase linking;
    private final UnlinkRoleUseCase unlinking;

    @SuppressWarnings("checkstyle:ParameterNumber") // one use case each, as the API's controllers take them
    ConsoleKeysController(
            Console console,
            ListAppKeysUseCase listing,
            GetAppKeyUseCase showing,
            CreateAppKeyUseCase creating,
            SetAppKeyActiveUseCase activating,
            RenewAppTokenUseCase renewing,
            FinishRenewalUseCase finishing,
            CancelRenewalUseCase cancelling,
            DeleteAppKeyUseCase deleting,
            ListRolesUseCase roles,
            LinkRolesUseCase linking,
            UnlinkRoleUseCase unlinking) {
        this.console = console;
        this.listing = listing;
        this.showing = showing;
        this.creating = creating;
        this.activating = activating;
        this.renewing = renewing;
        this.finishing = finishing;
        this.cancelling = cancelling;
        this.deleting = deleting;
        this.roles = roles;
        this.linking = linking;
        this.unlinking = unlinking;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(
            HttpRequest<?> request,
            @QueryValue("label") @Nullable String label,
            @QueryValue("state") @Nullable String state,
            @QueryValue("due") @Nullable String due,
            @QueryValue("after") @Nullable String after) {
        return console.page(request, signed -> {
            Keys.Filter filter = new Keys.Filter(
                    label == null ? "" : label.strip(), state(state), "on".equals(due) || "true".equals(due));
            PageRequest page = new PageRequest(
                    after == null || after.isBlank() ? Optional.empty() : Optional.of(Cursor.decode(after)), PAGE_SIZE);
            Instant now = Instant.now();
            Page<ListedAppKey> keys = listing.listAppKeys(signed.caller(), page, keyFilter(filter));
            Keys.ListPage view = new Keys.ListPage(
                    keys.items().stream()
                            .map(listed -> row(listed.key(), listed.tokens(), now))
                            .toList(),
                    filter,
                    keys.next().map(next -> link(filter, next)),
                    AccessPolicy.mayEditKeys(signed.principal()));
            return Console.render(HttpStatus.OK, "admin/keys", signed.page("Keys"), "keys", view);
        });
    }

    @Get(value = "/new", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> newKey(HttpRequest<?> request) {
        return console.page(request, signed -> {
            AccessPolicy.require(signed.caller(), AccessPolicy::mayEditKeys, "create app keys");
            return Console.render(HttpStatus.OK, "admin/key-new", signed.page("Create a key"));
        });
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            CreatedAppKey created = creating.createAppKey(signed.caller(), new Label(form.getOrDefault("label", "")));
            AppKey key = created.key();
            Keys.Secret secret = new Keys.Secret(
                    key.id().toString(),
                    key.label().value(),
                    key.appKey().value(),
                    created.token().reveal(),
                    false);
            return Console.render(HttpStatus.CREATED, "admin/token-once", signed.page("Key created"), "secret", secret);
        });
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String id) {
        return console.page(request, signed -> {
            AppKeyDetails details = showing.getAppKey(signed.caller(), KeyRef.parse(id));
            return Console.render(
                    HttpStatus.OK,
                    "admin/key",
                    signed.page(details.key().label().value()),
                    "key",
                    detail(signed, details));
        });
    }

    @Post(value = "/{id}/active", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> setActive(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            AppKey key =
                    activating.setAppKeyActive(signed.caller(), KeyRef.parse(id), "true".equals(form.get("active")));
            return Console.seeOther(pathOf(key));
        });
    }

    @Post(value = "/{id}/renew", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> renew(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            RenewedToken renewed = renewing.renewAppToken(signed.caller(), KeyRef.parse(id));
            AppKey key = renewed.key();
            Keys.Secret secret = new Keys.Secret(
                    key.id().toString(),
                    key.label().value(),
                    key.appKey().value(),
                    renewed.newToken().reveal(),
                    true);
            return Console.render(HttpStatus.OK, "admin/token-once", signed.page("Token renewed"), "secret", secret);
        });
    }

    @Post(
            value = "/{id}/finish-renewal",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> finish(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            finishing.finishRenewal(signed.caller(), KeyRef.parse(id));
            return Console.seeOther(KEYS + "/" + id);
        });
    }

    @Post(
            value = "/{id}/cancel-renewal",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> cancel(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            cancelling.cancelRenewal(signed.caller(), KeyRef.parse(id));
            return Console.seeOther(KEYS + "/" + id);
        });
    }

    /** Asks before deleting: a page of its own, so that it works without scripts too. */
    @Get(value = "/{id}/delete", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> confirmDelete(HttpRequest<?> request, @PathVariable String id) {
        return console.page(request, signed -> {
            AppKeyDetails details = showing.getAppKey(signed.caller(), KeyRef.parse(id));
            AccessPolicy.require(signed.caller(), AccessPolicy::mayEditKeys, "delete app keys");
            return Console.render(
                    HttpStatus.OK,
                    "admin/key-delete",
                    signed.page("Delete " + details.key().label().value() + "?"),
                    "key",
                    row(details.key(), details.tokens(), Instant.now()));
        });
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> delete(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            deleting.deleteAppKey(signed.caller(), KeyRef.parse(id));
            return Console.seeOther(KEYS);
        });
    }

    @Post(value = "/{id}/roles", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> link(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            linking.linkRoles(
                    signed.caller(), PrincipalRef.parse(id), Set.of(RoleId.parse(form.getOrDefault("role", ""))));
            return Console.seeOther(KEYS + "/" + id);
        });
    }

    @Post(
            value = "/{id}/roles/{role}/unlink",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> unlink(
            HttpRequest<?> request,
            @PathVariable String id,
            @PathVariable String role,
            @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            unlinking.unlinkRole(signed.caller(), PrincipalRef.parse(id), RoleId.parse(role));
            return Console.seeOther(KEYS + "/" + id);
        });
    }

    private Keys.Detail detail(Signed signed, AppKeyDetails details) {
        Instant now = Instant.now();
        TokenStatus tokens = details.tokens();
        boolean mayEdit = AccessPolicy.mayEditKeys(signed.principal());
        boolean mayLink = AccessPolicy.mayManageAccess(signed.principal());
        Set<Integer> linked =
                details.roles().stream().map(role -> role.id().value()).collect(Collectors.toSet());
        return new Keys.Detail(
                row(details.key(), tokens, now),
                Format.when(details.key().createdIn()),
                Format.when(tokens.tokenCreatedIn()),
                Format.when(tokens.tokenLastUsedIn(), "never"),
                tokens.newTokenCreatedIn()
                        .map(issued -> new Keys.Renewal(
                                Format.when(issued),
                                Format.when(tokens.newTokenLastUsedIn(), "never"),
                                Format.when(tokens.tokenExpiresIn(), "when the renewal is finished"))),
                details.roles().stream().map(ConsoleKeysController::item).toList(),
                mayLink
                        ? roles.listRoles(signed.caller()).stream()
                                .filter(role -> !linked.contains(role.id().value()))
                                .map(ConsoleKeysController::item)
                                .toList()
                        : List.of(),
                details.key().active(),
                mayEdit,
                AccessPolicy.mayRenew(signed.principal(), details.key().id()),
                mayLink);
    }

    private static Keys.RoleItem item(Role role) {
        return new Keys.RoleItem(String.valueOf(role.id().value()), role.name().value());
    }

    static Keys.Row row(AppKey key, TokenStatus tokens, Instant now) {
        String status = !key.active() ? "Inactive" : key.expiredAt(now) ? "Expired" : "Active";
        String age = switch (tokens.tokenAgeStatus()) {
            case OK -> "";
            case DUE -> ", renewal due";
            case OVERDUE -> ", renewal overdue";
        };
        return new Keys.Row(
                key.id().toString(),
                key.label().value(),
                key.appKey().value(),
                status,
                Format.age(tokens.tokenAge()) + age,
                Format.when(key.expiresIn(), "never"),
                Format.when(key.lastUsedIn(), "never"));
    }

    private static String pathOf(AppKey key) {
        return KEYS + "/" + key.id();
    }

    private static String state(String state) {
        return "active".equals(state) || "inactive".equals(state) ? state : "all";
    }

    private static KeyFilter keyFilter(Keys.Filter filter) {
        KeyFilter wanted = KeyFilter.ALL.withLabel(filter.label()).withDue(filter.due());
        return switch (filter.state()) {
            case "active" -> wanted.withActive(true);
            case "inactive" -> wanted.withActive(false);
            default -> wanted;
        };
    }

    private static String link(Keys.Filter filter, Cursor next) {
        return KEYS + "?label=" + URLEncoder.encode(filter.label(), StandardCharsets.UTF_8) + "&state=" + filter.state()
                + (filter.due() ? "&due=on" : "") + "&after="
                + URLEncoder.encode(next.encode(), StandardCharsets.UTF_8);
    }
}
