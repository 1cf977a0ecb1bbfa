package io.appkeys.adapter.cli;

import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleLinks;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.port.in.CreateRoleUseCase;
import io.appkeys.core.port.in.LinkRolesUseCase;
import io.appkeys.core.port.in.ListRolesUseCase;
import io.appkeys.core.port.in.UnlinkRoleUseCase;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code appkeys role}: access profiles, and granting them to users and app keys. */
@Command(
        name = "role",
        addMethodSubcommands = false,
        description = "List and create roles (access profiles); grant and revoke them.",
        footer = AppKeysCli.CHANGES_HOLD_EVERYWHERE)
final class RoleCommand {

    private static final String PRINCIPAL = "a user's id or email, or an app key's id or appKey";

    @ParentCommand
    AppKeysCli cli;

    @Command(name = "list", description = "Lists the roles of an account with the resources each grants.")
    void list(@Mixin AccountOption account) {
        cli.output()
                .list(
                        cli.use(ListRolesUseCase.class).listRoles(cli.master(account)).stream()
                                .map(Views::role)
                                .toList(),
                        "No roles.",
                        "id",
                        "name",
                        "predefined",
                        "resources");
    }

    @Command(name = "create", description = "Creates a role that grants the given resources of the account.")
    void create(
            @Mixin AccountOption account,
            @Option(names = "--name", required = true, paramLabel = "<name>", description = "the role's name")
                    RoleName name,
            @Option(
                            names = "--resource",
                            required = true,
                            split = ",",
                            paramLabel = "<resource>",
                            description = "a resource the role grants; repeat the option or separate names with commas")
                    Set<ResourceName> resources) {
        Role role = cli.use(CreateRoleUseCase.class).createRole(cli.master(account), name, resources);
        cli.output().show(Views.role(role));
    }

    @Command(
            name = "grant",
            description = "Grants a role to a user or an app key; it holds from the next request on, on every server"
                    + " of the store.")
    void grant(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<roleId>", description = "the role's id (see 'role list')") RoleId roleId,
            @Option(names = "--to", required = true, paramLabel = "<principal>", description = PRINCIPAL)
                    PrincipalRef principal) {
        RoleLinks links = cli.use(LinkRolesUseCase.class).linkRoles(cli.master(account), principal, Set.of(roleId));
        Role role = links.named().get(0);
        cli.output()
                .done(
                        "Granted role " + role.id() + " (" + role.name() + ") to " + principal + ".",
                        View.of()
                                .with("principal", principal.toString())
                                .with("granted", Views.roleName(role))
                                .with("roles", Views.roleNames(links.held())));
    }

    @Command(
            name = "revoke",
            description = "Revokes a role from a user or an app key; it no longer holds from the next request on, on"
                    + " every server of the store.")
    void revoke(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<roleId>", description = "the role's id (see 'role list')") RoleId roleId,
            @Option(names = "--from", required = true, paramLabel = "<principal>", description = PRINCIPAL)
                    PrincipalRef principal) {
        RoleLinks links = cli.use(UnlinkRoleUseCase.class).unlinkRole(cli.master(account), principal, roleId);
        Role role = links.named().get(0);
        boolean held = links.changed(role);
        String sentence = held
                ? "Revoked role " + role.id() + " (" + role.name() + ") from " + principal + "."
                : principal + " did not hold role " + role.id() + " (" + role.name() + "); nothing changed.";
        cli.output()
                .done(
                        sentence,
                        View.of()
                                .with("principal", principal.toString())
                                .with("revoked", Views.roleName(role))
                                .with("held", held)
                                .with("roles", Views.roleNames(links.held())));
    }
}
