package io.appkeys.adapter.http.console;

import java.util.List;
import java.util.Optional;

/**
 * The console's views of who may do what: the account's roles and resources, and its users. Every value is
 * already written for a person to read.
 */
public final class Access {

    private Access() {}

    /** The roles page: every role with its resources, every resource, and whether a custom role may be created. */
    public record RolesPage(List<RoleRow> roles, List<ResourceRow> resources, boolean mayCreate) {}

    /**
     * A role in the list.
     *
     * @param kind {@code Predefined} for the roles every account starts with, {@code Custom} for the account's own
     */
    public record RoleRow(String id, String name, String kind, List<String> resources) {}

    /**
     * A resource, and the form field that picks it when a role is created.
     *
     * @param field the checkbox's name; its id on the page is {@code fieldId}
     */
    public record ResourceRow(String name, String product, String category, String field, String fieldId) {}

    /** One numbered page of the account's users, and the links to the pages beside it. */
    public record UsersPage(
            List<UserRow> users, int page, long pages, long total, Optional<String> previous, Optional<String> next) {}

    /**
     * A user in the list.
     *
     * @param master whether it is the account's master user, which cannot be removed
     */
    public record UserRow(String id, String email, String name, String added, boolean master) {}
}
