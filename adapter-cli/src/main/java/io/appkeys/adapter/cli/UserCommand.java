package io.appkeys.adapter.cli;

import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.User;
import io.appkeys.core.port.in.AddUserUseCase;
import io.appkeys.core.port.in.ListUsersUseCase;
import io.appkeys.core.port.in.RemoveUserUseCase;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code appkeys user}: the human principals of an account. */
@Command(
        name = "user",
        addMethodSubcommands = false,
        description = "Add, list and remove the users of an account.",
        footer = AppKeysCli.CHANGES_HOLD_EVERYWHERE)
final class UserCommand {

    @ParentCommand
    AppKeysCli cli;

    @Command(name = "add", description = "Adds a user, without roles.")
    void add(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<email>", description = "the user's email") Email email,
            @Option(names = "--name", paramLabel = "<name>", description = "the user's name") PersonName name) {
        User user = cli.use(AddUserUseCase.class).addUser(cli.master(account), email, Optional.ofNullable(name));
        cli.output().show(Views.user(user));
    }

    @Command(name = "list", description = "Lists the users of an account, oldest first, one page at a time.")
    void list(@Mixin AccountOption account, @Mixin PageOptions pageOptions) {
        PageRequest request = pageOptions.request();
        Page<User> page = cli.use(ListUsersUseCase.class).listUsers(cli.master(account), request);
        cli.output()
                .page(
                        page.items().stream().map(Views::user).toList(),
                        page.next().map(Object::toString),
                        "No users.",
                        "id",
                        "email",
                        "name",
                        "createdIn");
    }

    @Command(name = "remove", description = "Removes a user and its role links; the master user stays.")
    void remove(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<user>", description = "the user's id or email") PrincipalRef user) {
        User found = cli.use(RemoveUserUseCase.class).removeUser(cli.master(account), user);
        cli.output()
                .done(
                        "Removed user " + found.email() + " (" + found.id() + ").",
                        Views.user(found).with("removed", true));
    }
}
