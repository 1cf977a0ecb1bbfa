package io.appkeys.adapter.http;

import io.appkeys.adapter.http.console.Access;
import io.appkeys.adapter.http.console.Format;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.ListedUser;
import io.appkeys.core.domain.NumberedPage;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserListing;
import io.appkeys.core.port.in.AddUserUseCase;
import io.appkeys.core.port.in.GetUserUseCase;
import io.appkeys.core.port.in.ListUsersUseCase;
import io.appkeys.core.port.in.RemoveUserUseCase;
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
import java.util.Map;
import java.util.Optional;

/**
 * The console's users page: the account's users a numbered page at a time (as VTEX's logins list pages them),
 * adding one, and removing one after a page that asks first.
 */
@Controller(ConsoleUsersController.USERS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class ConsoleUsersController {

    static final String USERS = ConsoleSession.PATH + "/users";
    static final int PAGE_SIZE = 50;

    private final Console console;
    private final ListUsersUseCase listing;
    private final GetUserUseCase getting;
    private final AddUserUseCase adding;
    private final RemoveUserUseCase removing;

    ConsoleUsersController(
            Console console,
            ListUsersUseCase listing,
            GetUserUseCase getting,
            AddUserUseCase adding,
            RemoveUserUseCase removing) {
        this.console = console;
        this.listing = listing;
        this.getting = getting;
        this.adding = adding;
        this.removing = removing;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request, @QueryValue("page") @Nullable String page) {
        return console.page(request, signed -> {
            NumberedPage numbered = new NumberedPage(Pages.wholeNumber(page, "page", Integer.MAX_VALUE, 1), PAGE_SIZE);
            UserListing users = listing.listUsers(signed.caller(), numbered);
            long pages = Math.max(1, (users.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            Access.UsersPage view = new Access.UsersPage(
                    users.users().stream().map(ConsoleUsersController::row).toList(),
                    numbered.number(),
                    pages,
                    users.total(),
                    numbered.number() > 1 ? Optional.of(link(numbered.number() - 1)) : Optional.empty(),
                    numbered.number() < pages ? Optional.of(link(numbered.number() + 1)) : Optional.empty());
            return Console.render(HttpStatus.OK, "admin/users", signed.page("Users"), "users", view);
        });
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> add(HttpRequest<?> request, @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            Email email = new Email(form.get("email"));
            String name = form.getOrDefault("name", "").strip();
            adding.addUser(
                    signed.caller(), email, name.isEmpty() ? Optional.empty() : Optional.of(new PersonName(name)));
            return Console.seeOther(USERS);
        });
    }

    /** Asks before removing: a page of its own, so that it works without scripts too. */
    @Get(value = "/{id}/remove", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> confirmRemove(HttpRequest<?> request, @PathVariable String id) {
        return console.page(request, signed -> {
            User user = getting.getUser(signed.caller(), PrincipalRef.parse(id));
            return Console.render(
                    HttpStatus.OK,
                    "admin/user-remove",
                    signed.page("Remove " + user.email().value() + "?"),
                    "user",
                    row(new ListedUser(user, false)));
        });
    }

    @Post(value = "/{id}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> remove(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            removing.removeUser(signed.caller(), PrincipalRef.parse(id));
            return Console.seeOther(USERS);
        });
    }

    private static Access.UserRow row(ListedUser listed) {
        User user = listed.user();
        return new Access.UserRow(
                user.id().toString(),
                user.email().value(),
                user.name().map(PersonName::value).orElse(""),
                Format.when(user.createdIn()),
                listed.master());
    }

    private static String link(int page) {
        return USERS + "?page=" + page;
    }
}
