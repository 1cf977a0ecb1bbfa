package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.NumberedPage;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleWithProducts;
import io.appkeys.core.port.in.LinkRolesUseCase;
import io.appkeys.core.port.in.ListPrincipalRolesUseCase;
import io.appkeys.core.port.in.ListRolesUseCase;
import io.appkeys.core.port.in.UnlinkRoleUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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
import java.util.ArrayList;
import java.util.List;

/**
 * VTEX's License Manager roles: the paged list of the account's roles, and the roles linked to a principal.
 * {@code {userId}} names a user (id or email) or an app key (id or appKey).
 */
@Controller("/api/license-manager")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Roles")
final class RolesController {

    private final ListRolesUseCase roles;
    private final LinkRolesUseCase linking;
    private final UnlinkRoleUseCase unlinking;
    private final ListPrincipalRolesUseCase linked;

    RolesController(
            ListRolesUseCase roles,
            LinkRolesUseCase linking,
            UnlinkRoleUseCase unlinking,
            ListPrincipalRolesUseCase linked) {
        this.roles = roles;
        this.linking = linking;
        this.unlinking = unlinking;
        this.linked = linked;
    }

    @Get("/site/pvt/roles/list/paged")
    @Operation(summary = "List the account's roles, a page at a time, by id")
    Pages.Paged<RoleItem> list(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @QueryValue @Nullable String numItems,
            @QueryValue @Nullable String pageNumber) {
        NumberedPage page = Pages.numbered(pageNumber, numItems);
        List<RoleWithProducts> all = roles.listRolesWithProducts(caller);
        List<RoleItem> items = Pages.slice(all, page).stream().map(RoleItem::of).toList();
        return Pages.paged(page, items, all.size());
    }

    @Put("/users/{userId}/roles")
    @Operation(summary = "Link roles to a user or app key; 400 and no change when one does not exist")
    @Status(HttpStatus.NO_CONTENT)
    void link(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @PathVariable String userId,
            @Body
                    @Nullable
                    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RoleIds.class)))
                    byte[] body) {
        PrincipalRef principal = PrincipalRef.parse(userId);
        linking.linkRoles(caller, principal, Bodies.roleIds(body));
    }

    @Get("/users/{userId}/roles")
    @Operation(summary = "List the roles linked to a user or app key")
    List<RoleRef> linked(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, @PathVariable String userId) {
        return linked.rolesOf(caller, PrincipalRef.parse(userId)).stream()
                .map(role -> new RoleRef(role.id().value(), role.name().value()))
                .toList();
    }

    @Delete("/users/{userId}/roles/{roleId}")
    @Operation(summary = "Unlink a role from a user or app key")
    @Status(HttpStatus.NO_CONTENT)
    void unlink(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @PathVariable String userId,
            @PathVariable String roleId) {
        PrincipalRef principal = PrincipalRef.parse(userId);
        unlinking.unlinkRole(caller, principal, RoleId.parse(roleId));
    }

    record RoleRef(int id, String name) {}

    /** The body of a link, for the OpenAPI document: VTEX's array of role ids, read by {@link Bodies}. */
    static final class RoleIds extends ArrayList<Integer> {

        private static final long serialVersionUID = 1L;
    }

    /**
     * An item of VTEX's roles list. {@code isAdmin} marks the predefined Owner role; {@code roleType} is 1 for
     * the predefined roles and 0 for the account's own, as VTEX's custom roles show 0.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RoleItem(int id, String name, boolean isAdmin, int roleType, List<Product> products) {

        static RoleItem of(RoleWithProducts described) {
            Role role = described.role();
            List<Product> products =
                    described.products().stream().map(Product::new).toList();
            return new RoleItem(
                    role.id().value(),
                    role.name().value(),
                    role.predefined() && role.name().equals(LicenseManager.OWNER),
                    role.predefined() ? 1 : 0,
                    products);
        }
    }

    record Product(String name) {}
}
