package io.appkeys.adapter.http;

import io.appkeys.adapter.http.console.Audit;
import io.appkeys.adapter.http.console.Format;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Cursor;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.port.in.ReadRecentAuditLogUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's audit log: the account's changes, newest first, a page at a time, each with when, who, what, on
 * what and from where. It only reads; an entry never holds a secret.
 */
@Controller(ConsoleAuditController.AUDIT)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
final class ConsoleAuditController {

    static final String AUDIT = ConsoleSession.PATH + "/audit";
    static final int PAGE_SIZE = 50;

    private final Console console;
    private final ReadRecentAuditLogUseCase reading;

    ConsoleAuditController(Console console, ReadRecentAuditLogUseCase reading) {
        this.console = console;
        this.reading = reading;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request, @QueryValue("before") @Nullable String before) {
        return console.page(request, signed -> {
            Optional<Cursor> from =
                    Optional.ofNullable(before).filter(b -> !b.isEmpty()).map(Cursor::decode);
            Page<AuditEntry> page = reading.readRecentAuditLog(signed.caller(), new PageRequest(from, PAGE_SIZE));
            Audit.ListPage view = new Audit.ListPage(
                    page.items().stream().map(ConsoleAuditController::entry).toList(),
                    page.next().map(ConsoleAuditController::older),
                    from.isEmpty());
            return Console.render(HttpStatus.OK, "admin/audit", signed.page("Audit log"), "audit", view);
        });
    }

    private static Audit.Entry entry(AuditEntry entry) {
        AuditEvent event = entry.event();
        return new Audit.Entry(
                Format.when(event.at()),
                Format.iso(event.at()),
                event.actor(),
                event.action().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                event.target(),
                event.origin());
    }

    private static String older(Cursor next) {
        return AUDIT + "?before=" + URLEncoder.encode(next.encode(), StandardCharsets.UTF_8);
    }
}
