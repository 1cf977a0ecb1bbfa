package io.appkeys.adapter.cli;

import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.port.in.DefineResourceUseCase;
import io.appkeys.core.port.in.ListResourcesUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code appkeys resource}: the permissions that roles grant. */
@Command(
        name = "resource",
        addMethodSubcommands = false,
        description = "List and define resources (named permissions).")
final class ResourceCommand {

    @ParentCommand
    AppKeysCli cli;

    @Command(name = "list", description = "Lists the resources of an account, predefined ones included.")
    void list(@Mixin AccountOption account) {
        cli.output()
                .list(
                        cli.use(ListResourcesUseCase.class).listResources(cli.master(account)).stream()
                                .map(Views::resource)
                                .toList(),
                        "No resources.",
                        "name",
                        "product",
                        "category");
    }

    @Command(name = "create", description = "Defines a resource of the account's own, for roles to grant.")
    void create(
            @Mixin AccountOption account,
            @Parameters(paramLabel = "<name>", description = "the resource's name, for example orders.read")
                    ResourceName name,
            @Option(
                            names = "--product",
                            required = true,
                            paramLabel = "<product>",
                            description = "the product it belongs to, for example Orders")
                    String product,
            @Option(
                            names = "--category",
                            required = true,
                            paramLabel = "<category>",
                            description = "its category within the product")
                    String category) {
        Resource resource = cli.use(DefineResourceUseCase.class)
                .defineResource(cli.master(account), new Resource(name, product, category));
        cli.output().show(Views.resource(resource));
    }
}
