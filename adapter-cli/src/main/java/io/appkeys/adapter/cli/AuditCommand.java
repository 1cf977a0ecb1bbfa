package io.appkeys.adapter.cli;

import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.port.in.ReadAuditLogUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code appkeys audit}: who changed what, when and from where. */
@Command(name = "audit", addMethodSubcommands = false, description = "Read the audit log of an account.")
final class AuditCommand {

    @ParentCommand
    AppKeysCli cli;

    @Command(
            name = "list",
            description = "Lists audit events, oldest first, one page at a time; the last line"
                    + " gives the cursor of the next page.")
    void list(@Mixin AccountOption account, @Mixin PageOptions pageOptions) {
        PageRequest request = pageOptions.request();
        Page<AuditEntry> page = cli.use(ReadAuditLogUseCase.class).readAuditLog(cli.master(account), request);
        cli.output()
                .page(
                        page.items().stream().map(Views::audit).toList(),
                        page.next().map(Object::toString),
                        "No audit events.",
                        "sequence",
                        "at",
                        "actor",
                        "action",
                        "target",
                        "origin");
    }
}
