package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.port.in.CancelRenewalUseCase;
import io.appkeys.core.port.in.FinishRenewalUseCase;
import io.appkeys.core.port.in.RenewAppTokenUseCase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;

/** VTEX ID's two-phase token renewal: {@code /api/vtexid/apikey/{appKey}/apitoken/...}. */
@Controller("/api/vtexid/apikey/{appKey}/apitoken")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Token renewal")
final class RenewalController {

    private final RenewAppTokenUseCase renewing;
    private final FinishRenewalUseCase finishing;
    private final CancelRenewalUseCase cancelling;

    RenewalController(RenewAppTokenUseCase renewing, FinishRenewalUseCase finishing, CancelRenewalUseCase cancelling) {
        this.renewing = renewing;
        this.finishing = finishing;
        this.cancelling = cancelling;
    }

    @Patch("/renew")
    @Operation(summary = "Start a renewal: a new token, shown once; both tokens work until it ends")
    HttpResponse<Renewal> renew(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller, @PathVariable String appKey) {
        RenewedToken renewed = renewing.renewAppToken(caller, KeyRef.parse(appKey));
        TokenStatus status = renewed.status();
        return HttpResponse.ok(new Renewal(
                        renewed.key().id().toString(),
                        renewed.key().label().value(),
                        status.tokenCreatedIn().toString(),
                        status.newTokenCreatedIn().map(Instant::toString).orElse(null),
                        renewed.expirationPeriod().toDays(),
                        renewed.newToken().reveal()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Patch("/finish-renewal")
    @Operation(summary = "Finish the pending renewal: the old token stops working at once")
    Tokens finish(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, @PathVariable String appKey) {
        return Tokens.of(finishing.finishRenewal(caller, KeyRef.parse(appKey)));
    }

    @Patch("/cancel-renewal")
    @Operation(summary = "Cancel the pending renewal: the new token stops working at once")
    Tokens cancel(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, @PathVariable String appKey) {
        return Tokens.of(cancelling.cancelRenewal(caller, KeyRef.parse(appKey)));
    }

    /** VTEX's renew response; {@code keyName} is the key's label and {@code expirationPeriod} is in days. */
    record Renewal(
            String id,
            String keyName,
            String creationDateToken,
            String creationDateNewToken,
            long expirationPeriod,
            String newToken) {

        @Override
        public String toString() {
            return "Renewal[id=" + id + ", newToken=redacted]";
        }
    }

    /** Where the key's tokens stand once a renewal has ended: {@code creationDateNewToken} is null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Tokens(String id, String creationDateToken, String creationDateNewToken) {

        static Tokens of(TokenStatus status) {
            return new Tokens(
                    status.id().toString(),
                    status.tokenCreatedIn().toString(),
                    status.newTokenCreatedIn().map(Instant::toString).orElse(null));
        }
    }
}
