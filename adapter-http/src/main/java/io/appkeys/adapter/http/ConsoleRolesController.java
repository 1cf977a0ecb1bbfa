package io.appkeys.adapter.http;

import io.appkeys.adapter.http.console.Access;
import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.port.in.CreateRoleUseCase;
import io.appkeys.core.port.in.ListResourcesUseCase;
import io.appkeys.core.port.in.ListRolesUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console's roles page: the account's roles with their resources, its resources, and a form that creates a
 * custom role from resources picked by checkbox. Each checkbox is a field of its own ({@value #RESOURCE_FIELD}
 * and the resource's name), so a form reads as one value per name.
 */
@Controller(ConsoleRolesController.ROLES)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class ConsoleRolesController {

    static final String ROLES = ConsoleSession.PATH + "/roles";
    static final String RESOURCE_FIELD = "resource.";

    private final Console console;
    private final ListRolesUseCase roles;
    private final ListResourcesUseCase resources;
    private final CreateRoleUseCase creating;

    ConsoleRolesController(
            Console console, ListRolesUseCase roles, ListResourcesUseCase resources, CreateRoleUseCase creating) {
        this.console = console;
        this.roles = roles;
        this.resources = resources;
        this.creating = creating;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request) {
        return console.page(request, signed -> {
            List<Access.RoleRow> roleRows = roles.listRoles(signed.caller()).stream()
                    .map(ConsoleRolesController::row)
                    .toList();
            List<Resource> all = resources.listResources(signed.caller());
            List<Access.ResourceRow> resourceRows = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Resource resource = all.get(i);
                resourceRows.add(new Access.ResourceRow(
                        resource.name().value(),
                        resource.product(),
                        resource.category(),
                        RESOURCE_FIELD + resource.name().value(),
                        "resource-" + i));
            }
            Access.RolesPage view =
                    new Access.RolesPage(roleRows, resourceRows, AccessPolicy.mayManageAccess(signed.principal()));
            return Console.render(HttpStatus.OK, "admin/roles", signed.page("Roles and resources"), "roles", view);
        });
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> form) {
        return console.change(request, form, signed -> {
            RoleName name = new RoleName(form.getOrDefault("name", "").strip());
            creating.createRole(signed.caller(), name, picked(form));
            return Console.seeOther(ROLES);
        });
    }

    /** The resources whose checkboxes were ticked: a checkbox that is not ticked is not sent at all. */
    private static Set<ResourceName> picked(Map<String, String> form) {
        return form.keySet().stream()
                .filter(field -> field.startsWith(RESOURCE_FIELD))
                .map(field -> new ResourceName(field.substring(RESOURCE_FIELD.length())))
                .collect(Collectors.toSet());
    }

    private static Access.RoleRow row(Role role) {
        return new Access.RoleRow(
                String.valueOf(role.id().value()),
                role.name().value(),
                role.predefined() ? "Predefined" : "Custom",
                role.resources().stream().map(ResourceName::value).sorted().toList());
    }
}
