package io.appkeys.adapter.http;

import io.appkeys.core.domain.Caller;
import io.appkeys.core.port.in.ExportAppKeysUseCase;
import io.appkeys.core.port.in.ExportAppKeysUseCase.Export;
import io.appkeys.core.port.in.ExportFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * AppKeys' own {@code GET /api/vlm/account/appkeys/export?format=csv|json}: every key of the caller's account,
 * streamed as core writes it. Chunks go out only as fast as the client takes them, so an export of any size holds a
 * page of keys and a chunk or two in memory.
 */
@Controller("/api/vlm/account/appkeys/export")
@Tag(name = "App keys")
final class ExportController {

    private static final Logger LOG = LoggerFactory.getLogger(ExportController.class);
    private static final int CHUNK = 32 * 1024;
    private static final MediaType CSV = MediaType.of("text/csv;charset=utf-8");

    private final ExportAppKeysUseCase exporting;
    private final ExecutorService blocking;

    ExportController(ExportAppKeysUseCase exporting, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.exporting = exporting;
        this.blocking = blocking;
    }

    @Get
    @Operation(summary = "Export the account's app keys as CSV (the default) or JSON, streamed; never a token")
    @ApiResponse(
            responseCode = "200",
            description = "every key: id, appKey, label, roles, createdIn, tokenCreatedIn, tokenAgeDays,"
                    + " tokenAgeStatus, expiresIn, lastUsedIn, isActive",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/json",
                        array = @ArraySchema(schema = @Schema(implementation = ExportedKey.class)))
            })
    HttpResponse<Publisher<byte[]>> export(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @Parameter(description = "csv (the default) or json", schema = @Schema(allowableValues = {"csv", "json"}))
                    @QueryValue("format")
                    @Nullable
                    String format) {
        ExportFormat chosen = format == null ? ExportFormat.CSV : ExportFormat.parse(format);
        Export export = exporting.exportAppKeys(caller, chosen); // refused here, before the 200 is sent
        Flux<byte[]> body = Flux.create(sink -> start(caller, export, sink), FluxSink.OverflowStrategy.ERROR);
        return HttpResponse.ok((Publisher<byte[]>) body)
                .contentType(chosen == ExportFormat.CSV ? CSV : MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"appkeys-" + caller.account() + "." + chosen.label() + "\"");
    }

    /** One exported key, for the OpenAPI document: core writes the export itself. */
    record ExportedKey(
            String id,
            String appKey,
            String label,
            List<String> roles,
            String createdIn,
            String tokenCreatedIn,
            long tokenAgeDays,

            @Schema(allowableValues = {"ok", "due", "overdue"})
            String tokenAgeStatus,

            @Schema(nullable = true) String expiresIn,
            @Schema(nullable = true) String lastUsedIn,
            boolean isActive) {}

    /** Runs the export on a thread that may block, writing chunks as the client asks for them. */
    private void start(Caller caller, Export export, FluxSink<byte[]> sink) {
        Chunks chunks = new Chunks(sink);
        sink.onRequest(chunks::grant);
        sink.onDispose(chunks::cancel);
        blocking.execute(() -> {
            try (Writer out = new OutputStreamWriter(chunks, StandardCharsets.UTF_8)) {
                long written = export.writeTo(out);
                out.flush();
                chunks.flushChunk();
                LOG.debug("exported {} keys of account {}", written, caller.account());
                sink.complete();
            } catch (RuntimeException | IOException e) {
                if (!chunks.cancelled()) {
                    LOG.warn("the export of account {}'s keys failed: {}", caller.account(), e.getMessage());
                    sink.error(e);
                }
            }
        });
    }

    /** Bytes cut into chunks, each sent once the client has asked for one; waits while it has not. */
    private static final class Chunks extends OutputStream {

        private static final long GIVE_UP_MINUTES = 10;

        private final FluxSink<byte[]> sink;
        private final Semaphore demand = new Semaphore(0);
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private volatile boolean cancelled;

        Chunks(FluxSink<byte[]> sink) {
            this.sink = sink;
        }

        void grant(long requested) {
            // an unbounded request is plenty: the count of permits must not overflow
            demand.release((int) Math.min(requested, Math.max(0, Integer.MAX_VALUE / 2 - demand.availablePermits())));
        }

        void cancel() {
            cancelled = true;
            demand.release(); // wakes a writer waiting for demand, which then sees the cancellation
        }

        boolean cancelled() {
            return cancelled;
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == CHUNK) {
                flushChunk();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == CHUNK) {
                    flushChunk();
                }
                int taken = Math.min(length, CHUNK - filled);
                System.arraycopy(bytes, offset, buffer, filled, taken);
                filled += taken;
                offset += taken;
                length -= taken;
            }
        }

        /** Sends what is buffered, once the client has asked for it. */
        void flushChunk() throws IOException {
            if (filled == 0) {
                return;
            }
            try {
                if (!demand.tryAcquire(GIVE_UP_MINUTES, TimeUnit.MINUTES)) {
                    throw new IOException("the client took nothing for " + GIVE_UP_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (cancelled) {
                throw new IOException("the client went away");
            }
            sink.next(Arrays.copyOf(buffer, filled));
            filled = 0;
        }
    }
}
