package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.core.domain.Caller;
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
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;

/** VTEX's License Manager users: {@code /api/license-manager/users} and the paged logins list. */
@Controller("/api/license-manager")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
final class UsersController {

    private final AddUserUseCase adding;
    private final GetUserUseCase getting;
    private final RemoveUserUseCase removing;
    private final ListUsersUseCase listing;

    UsersController(
            AddUserUseCase adding, GetUserUseCase getting, RemoveUserUseCase removing, ListUsersUseCase listing) {
        this.adding = adding;
        this.getting = getting;
        this.removing = removing;
        this.listing = listing;
    }

    @Post("/users")
    @Operation(summary = "Add a user to the caller's account")
    UserJson add(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @Body
                    @Nullable
                    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewUser.class)))
                    byte[] body) {
        JsonNode user = Bodies.object(body);
        Email email = new Email(Bodies.text(user, "email").orElse(null));
        Optional<PersonName> name = Bodies.text(user, "name").map(PersonName::new);
        return UserJson.of(adding.addUser(caller, email, name));
    }

    @Get("/users/{userId}")
    @Operation(summary = "Read a user by id or email")
    UserJson get(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, @PathVariable String userId) {
        return UserJson.of(getting.getUser(caller, PrincipalRef.parse(userId)));
    }

    @Delete("/users/{userId}")
    @Operation(summary = "Remove a user and its role links")
    @Status(HttpStatus.OK)
    void remove(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, @PathVariable String userId) {
        removing.removeUser(caller, PrincipalRef.parse(userId));
    }

    @Get("/site/pvt/logins/list/paged")
    @Operation(summary = "List the account's users, a page at a time, in creation order")
    Pages.Paged<Login> logins(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @QueryValue @Nullable String numItems,
            @QueryValue @Nullable String pageNumber) {
        NumberedPage page = Pages.numbered(pageNumber, numItems);
        UserListing listing = this.listing.listUsers(caller, page);
        return Pages.paged(page, listing.users().stream().map(Login::of).toList(), listing.total());
    }

    /** The body of an addition, for the OpenAPI document; {@code email} is required. */
    record NewUser(@Nullable String name, String email) {}

    /** VTEX's user; {@code name} is left out when the user has none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserJson(String id, String email, @Nullable String name) {

        static UserJson of(User user) {
            return new UserJson(
                    user.id().toString(),
                    user.email().value(),
                    user.name().map(PersonName::value).orElse(null));
        }
    }

    /** An item of VTEX's logins list; the master user is the account's admin. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Login(
            String id,
            String email,
            @Nullable String name,
            boolean isAdmin,
            boolean isReliable,
            boolean isBlocked,
            List<String> accountNames) {

        static Login of(ListedUser listed) {
            User user = listed.user();
            return new Login(
                    user.id().toString(),
                    user.email().value(),
                    user.name().map(PersonName::value).orElse(null),
                    listed.master(),
                    false,
                    false,
                    List.of(user.account().value()));
        }
    }
}
