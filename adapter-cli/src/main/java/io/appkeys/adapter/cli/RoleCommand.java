package io.appkeys.adapter.cli;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleName;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code appkeys role}: access profiles, and granting them to users and app keys. */
@Command(name = "role", description = "List and create roles (access profiles); grant and revoke them.")
final class RoleCommand {

    private static final String PRINCIPAL = "a user's id or email, or an app key's id or appKey";

    @ParentCommand
    AppKeysCli cli;

    @Command(name = "list", description = "Lists the roles of an account with the resources each grants.")
    void list(@Mixin AccountOption account) {
        cli.output()
                .list(
                        cli.appKeys().listRoles(cli.master(account)).stream()
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
        Role role = cli.appKeys().createRole(cli.master(account), name, resources);
        cli.output().show(Views.role(role));
    }

    @Command(
            name = "grant",
            description = "Grants a role to a user or an app key; it holds from the next" + " request on.")
    void grant(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<roleId>", description = "the role's id (see 'role list')") RoleId roleId,
            @Option(names = "--to", required = true, paramLabel = "<principal>", description = PRINCIPAL)
                    PrincipalRef principal) {
        Caller caller = cli.master(account);
        Role role = existing(caller, roleId);
        cli.appKeys().linkRoles(caller, principal, Set.of(role.id()));
        List<Role> roles = cli.appKeys().rolesOf(caller, principal);
        cli.output()
                .done(
                        "Granted role " + role.id() + " (" + role.name() + ") to " + principal + ".",
                        View.of()
                                .with("principal", principal.toString())
                                .with("granted", Views.roleName(role))
                                .with("roles", Views.roleNames(roles)));
    }

    @Command(
            name = "revoke",
            description = "Revokes a role from a user or an app key; it no longer holds from" + " the next request on.")
    void revoke(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<roleId>", description = "the role's id (see 'role list')") RoleId roleId,
            @Option(names = "--from", required = true, paramLabel = "<principal>", description = PRINCIPAL)
                    PrincipalRef principal) {
        Caller caller = cli.master(account);
        Role role = existing(caller, roleId);
        boolean held = cli.appKeys().rolesOf(caller, principal).stream().anyMatch(r -> r.id().equals(role.id()));
        cli.appKeys().unlinkRole(caller, principal, role.id());
        List<Role> roles = cli.appKeys().rolesOf(caller, principal);
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
                                .with("roles", Views.roleNames(roles)));
    }

    /**
     * Core treats an unknown role in a request body as bad input (VTEX answers 400); here the role is what the
     * command names, so an unknown one is "not found", like an unknown key.
     */
    private Role existing(Caller caller, RoleId id) {
        return cli.appKeys().listRoles(caller).stream()
                .filter(role -> role.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("role " + id + " not found in account " + caller.account()));
    }
}
