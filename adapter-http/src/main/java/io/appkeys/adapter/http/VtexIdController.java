package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.LoginResult;
import io.appkeys.core.port.in.Attempt;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * VTEX ID's two token operations, in VTEX's shapes: {@code POST /api/vtexid/apptoken/login} exchanges a key pair
 * for a signed token, and {@code POST /api/vtexid/credential/validate} says whom a signed token stands for. Both
 * take their credentials in the body, so the authentication filter lets them through; a refused pair or token
 * gets one and the same answer whatever the cause, at the same time after its check began, as a refused request
 * does.
 */
@Controller
@Tag(name = "VTEX ID")
final class VtexIdController {

    static final String LOGIN_PATH = "/api/vtexid/apptoken/login";
    static final String VALIDATE_PATH = "/api/vtexid/credential/validate";
    /** The paths whose credentials are in the body, not in the headers: the filter does not ask for any. */
    static final Set<String> CREDENTIALS_IN_BODY = Set.of(LOGIN_PATH, VALIDATE_PATH);

    static final String SUCCESS = "Success";
    static final String WRONG_CREDENTIALS = "WrongCredentials";

    private final AuthenticateUseCase authentication;
    private final LoginUseCase login;
    private final ClientAddress clients;
    private final ExecutorService blocking;
    private final RefusalTimer timer;

    VtexIdController(
            AuthenticateUseCase authentication,
            LoginUseCase login,
            ClientAddress clients,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            RefusalTimer timer) {
        this.authentication = authentication;
        this.login = login;
        this.clients = clients;
        this.blocking = blocking;
        this.timer = timer;
    }

    @Post(value = LOGIN_PATH, produces = MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(summary = "Exchange an appKey and appToken for a signed token (VtexIdclientAutCookie)")
    @ApiResponse(
            responseCode = "200",
            description = "the signed token, shown this once, and when it expires (Unix seconds)",
            content = @Content(schema = @Schema(implementation = Login.class)))
    @ApiResponse(
            responseCode = "401",
            description = "the pair is not valid, whatever the cause",
            content = @Content(schema = @Schema(implementation = Login.class)))
    CompletionStage<MutableHttpResponse<?>> login(
            HttpRequest<?> request,
            @QueryValue(RequestCredentials.ACCOUNT_PARAMETER) @Nullable String account,
            @Body
                    @Nullable
                    @RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = Credentials.class)))
                    byte[] body) {
        JsonNode credentials = Bodies.object(body);
        Optional<IpAddress> from = clients.address(request);
        Attempt attempt = authentication.attempt(
                Bodies.text(credentials, "appkey").orElse(null),
                Bodies.text(credentials, "apptoken").orElse(null),
                ClientAddress.source(from),
                from);
        return CompletableFuture.supplyAsync(() -> login.login(attempt), blocking)
                .thenCompose(result -> {
                    if (result instanceof LoginResult.LoggedIn loggedIn) {
                        if (!ofAccount(loggedIn.principal(), account)) {
                            return CompletableFuture.completedFuture(wrongLogin());
                        }
                        return CompletableFuture.completedFuture(HttpResponse.ok(new Login(
                                        SUCCESS,
                                        loggedIn.token().reveal(),
                                        loggedIn.expiresAt().getEpochSecond()))
                                .header(HttpHeaders.CACHE_CONTROL, "no-store"));
                    }
                    return refused(((LoginResult.Refused) result).result(), wrongLogin());
                });
    }

    @Post(value = VALIDATE_PATH, produces = MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(summary = "Say which app key a signed token stands for, while it is valid")
    @ApiResponse(
            responseCode = "200",
            description = "the key the token stands for",
            content = @Content(schema = @Schema(implementation = Validation.class)))
    @ApiResponse(
            responseCode = "401",
            description = "expired, altered, revoked or unknown, whatever the cause",
            content = @Content(schema = @Schema(implementation = Validation.class)))
    CompletionStage<MutableHttpResponse<?>> validate(
            HttpRequest<?> request,
            @QueryValue(RequestCredentials.ACCOUNT_PARAMETER) @Nullable String account,
            @Body
                    @Nullable
                    @RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = TokenBody.class)))
                    byte[] body) {
        Optional<IpAddress> from = clients.address(request);
        Attempt attempt = authentication.attemptToken(
                Bodies.text(Bodies.object(body), "token").orElse(null), ClientAddress.source(from), from);
        Optional<AuthenticationResult> quick = authentication.authenticateWithoutBlocking(attempt);
        CompletionStage<AuthenticationResult> decided = quick.isPresent()
                ? CompletableFuture.completedFuture(quick.get())
                : CompletableFuture.supplyAsync(() -> authentication.authenticate(attempt), blocking);
        return decided.thenCompose(result -> {
            if (result instanceof AuthenticationResult.Authenticated authenticated) {
                KeyPrincipal key = authenticated.principal();
                if (ofAccount(key, account)) {
                    return CompletableFuture.completedFuture(HttpResponse.ok(new Validation(
                            SUCCESS,
                            key.id().toString(),
                            key.appKey().value(),
                            key.account().value(),
                            "admin",
                            "appkey")));
                }
                return CompletableFuture.completedFuture(wrongValidation());
            }
            return refused(result, wrongValidation());
        });
    }

    /** A refused pair or token: its answer at the time core says; a throttle or an overload as any request's. */
    private CompletionStage<MutableHttpResponse<?>> refused(AuthenticationResult result, MutableHttpResponse<?> wrong) {
        Duration pause = AuthenticationFilter.hold(result);
        if (result instanceof AuthenticationResult.Rejected) {
            return timer.after(pause, () -> wrong);
        }
        NotAuthenticatedException exception = new NotAuthenticatedException(result);
        return timer.after(pause, () -> {
            throw exception;
        });
    }

    private static boolean ofAccount(KeyPrincipal key, @Nullable String account) {
        return account == null || account.equals(key.account().value());
    }

    private static MutableHttpResponse<?> wrongLogin() {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new Login(WRONG_CREDENTIALS, null, 0));
    }

    private static MutableHttpResponse<?> wrongValidation() {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .body(new Validation(WRONG_CREDENTIALS, null, null, null, null, null));
    }

    /** VTEX's login request. */
    record Credentials(String appkey, String apptoken) {

        @Override
        public String toString() {
            return "Credentials[appkey=" + appkey + ", apptoken=redacted]";
        }
    }

    /** VTEX's login answer: {@code expires} in Unix seconds; on failure no token and 0. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Login(String authStatus, String token, long expires) {

        @Override
        public String toString() {
            return "Login[authStatus=" + authStatus + ", token=redacted, expires=" + expires + "]";
        }
    }

    /** VTEX's validate request. */
    record TokenBody(String token) {

        @Override
        public String toString() {
            return "TokenBody[token=redacted]";
        }
    }

    /** VTEX's validate answer; on failure, the status alone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Validation(String authStatus, String id, String user, String account, String audience, String tokenType) {}
}
