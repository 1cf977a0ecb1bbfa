package io.appkeys.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyDetails;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.ListedAppKey;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.DeleteAppKeyUseCase;
import io.appkeys.core.port.in.GetAppKeyUseCase;
import io.appkeys.core.port.in.KeyFilter;
import io.appkeys.core.port.in.ListAppKeysUseCase;
import io.appkeys.core.port.in.SetAppKeyActiveUseCase;
import io.appkeys.core.port.in.SetAppKeyExpiryUseCase;
import io.appkeys.core.port.in.SetAppKeyMetadataUseCase;
import io.appkeys.core.port.in.SetAppKeyNetworksUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** VTEX's License Manager app keys: {@code /api/vlm/appkeys}. */
@Controller("/api/vlm/appkeys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "App keys")
final class AppKeysController {

    private final CreateAppKeyUseCase creating;
    private final ListAppKeysUseCase listing;
    private final GetAppKeyUseCase showing;
    private final SetAppKeyActiveUseCase activating;
    private final SetAppKeyExpiryUseCase expiring;
    private final SetAppKeyNetworksUseCase restricting;
    private final SetAppKeyMetadataUseCase describing;
    private final DeleteAppKeyUseCase deleting;

    AppKeysController(
            CreateAppKeyUseCase creating,
            ListAppKeysUseCase listing,
            GetAppKeyUseCase showing,
            SetAppKeyActiveUseCase activating,
            SetAppKeyExpiryUseCase expiring,
            SetAppKeyNetworksUseCase restricting,
            SetAppKeyMetadataUseCase describing,
            DeleteAppKeyUseCase deleting) {
        this.creating = creating;
        this.listing = listing;
        this.showing = showing;
        this.activating = activating;
        this.expiring = expiring;
        this.restricting = restricting;
        this.describing = describing;
        this.deleting = deleting;
    }

    @Post
    @Operation(summary = "Create an app key; its appToken is in this response only")
    HttpResponse<CreatedKey> create(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @Body
                    @Nullable
                    @RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = LabelBody.class)))
                    byte[] body) {
        JsonNode fields = Bodies.object(body);
        Label label = new Label(Bodies.text(fields, "label").orElse(null));
        CreatedAppKey created = creating.createAppKey(caller, label, Bodies.instant(fields, "expiresIn"));
        AppKey key = created.key();
        return HttpResponse.ok(new CreatedKey(
                        key.id().toString(),
                        key.appKey().value(),
                        created.token().reveal(),
                        key.label().value(),
                        key.createdIn().toString(),
                        key.active(),
                        expiresIn(key),
                        expired(key, Instant.now())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get
    @Operation(
            summary = "List the account's app keys, never with a token; with due=true, only those whose token is"
                    + " due or overdue for renewal")
    List<KeyItem> list(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @Parameter(
                            description = "true for only the keys whose token is due or overdue for renewal",
                            schema = @Schema(allowableValues = {"true", "false"}))
                    @QueryValue("due")
                    @Nullable
                    String due) {
        KeyFilter filter = QueryFlag.read("due", due) ? KeyFilter.DUE : KeyFilter.ALL;
        Instant now = Instant.now();
        return Pages.all(page -> listing.listAppKeys(caller, page, filter)).stream()
                .map(listed -> KeyItem.of(listed, now))
                .toList();
    }

    @Get("/{id}")
    @Operation(
            summary = "Read one app key: its roles, expiry, last use, and its tokens' dates, age and last uses; never"
                    + " a token (AppKeys' own)")
    KeyDetails show(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, @PathVariable String id) {
        return KeyDetails.of(showing.getAppKey(caller, KeyRef.parse(id)), Instant.now());
    }

    @Put("/{id}")
    @Operation(
            summary = "Activate or deactivate an app key, or set or clear (null) its expiry, its allowed networks or"
                    + " its metadata")
    @Status(HttpStatus.OK)
    void setActive(
            @RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
            @PathVariable String id,
            @Body
                    @Nullable
                    @RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ActiveBody.class)))
                    byte[] body) {
        KeyRef key = KeyRef.parse(id);
        JsonNode fields = Bodies.object(body);
        boolean active = fields.has("isActive");
        boolean expiry = fields.has("expiresIn");
        boolean networks = fields.has("allowedNetworks");
        boolean metadata = fields.has("metadata");
        if (!active && !expiry && !networks && !metadata) {
            throw new InvalidInputException("isActive, expiresIn, allowedNetworks or metadata is required");
        }
        // every member read before any is applied, so a bad member changes nothing
        Optional<Instant> expiresIn = expiry ? Bodies.instant(fields, "expiresIn") : Optional.empty(); // null: never
        boolean isActive = active && Bodies.bool(fields, "isActive");
        AllowedNetworks allowed = networks ? AllowedNetworks.parse(Bodies.texts(fields, "allowedNetworks")) : null;
        Optional<KeyMetadata> said =
                metadata ? Bodies.jsonObject(fields, "metadata").map(KeyMetadata::of) : null;
        if (expiry) {
            expiring.setAppKeyExpiry(caller, key, expiresIn);
        }
        if (networks) {
            restricting.setAppKeyNetworks(caller, key, allowed);
        }
        if (metadata) {
            describing.setAppKeyMetadata(caller, key, said);
        }
        if (active) {
            activating.setAppKeyActive(caller, key, isActive);
        }
    }

    @Delete("/{id}")
    @Operation(summary = "Delete an app key, its tokens and its role links")
    @Status(HttpStatus.NO_CONTENT)
    void delete(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, @PathVariable String id) {
        deleting.deleteAppKey(caller, KeyRef.parse(id));
    }

    /** The body of a create, for the OpenAPI document: the body is read field by field by {@link Bodies}. */
    record LabelBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Label.MAX_LENGTH)
            String label,

            @Schema(
                    format = "date-time",
                    description = "when the key stops authenticating, in the future; absent: never"
                            + " (AppKeys' own member)")
            String expiresIn) {}

    /** The body of a key's update, for the OpenAPI document: any of its members. */
    record ActiveBody(
            Boolean isActive,

            @Schema(
                    format = "date-time",
                    nullable = true,
                    description = "when the key stops authenticating; null: never (AppKeys' own member)")
            String expiresIn,

            @Schema(
                    nullable = true,
                    description = "CIDR ranges (203.0.113.0/24, 2001:db8::/32, or one address) the key may be used"
                            + " from, at most 50; [] or null: anywhere (AppKeys' own member)")
            List<String> allowedNetworks,

            @Schema(
                    nullable = true,
                    type = "object",
                    description = "a JSON object of at most 4096 bytes that is not secret (owner, plan,"
                            + " environment), returned by authz/check?metadata=true; null: none (AppKeys' own member)")
            Object metadata) {}

    /**
     * The one response that carries an appToken. {@code expiresIn} and {@code expired}, AppKeys' own members,
     * appear only for a key that expires, so a key that does not looks exactly as VTEX's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatedKey(
            String id,
            String appKey,
            String appToken,
            String label,
            String createdIn,
            boolean isActive,
            String expiresIn,
            Boolean expired) {

        @Override
        public String toString() {
            return "CreatedKey[appKey=" + appKey + ", appToken=redacted]";
        }
    }

    /**
     * A key as lists show it: VTEX's members, then AppKeys' own: when its current token was issued, how many whole
     * days old it is and its age status ({@code ok}, {@code due}, {@code overdue}); {@code expiresIn} and
     * {@code expired} only for a key that expires.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyItem(
            String id,
            String appKey,
            String label,
            String createdIn,
            boolean isActive,
            String expiresIn,
            Boolean expired,
            String creationDateToken,
            long tokenAgeDays,
            String tokenAgeStatus,
            List<String> allowedNetworks) {

        static KeyItem of(ListedAppKey listed, Instant now) {
            AppKey key = listed.key();
            TokenStatus tokens = listed.tokens();
            return new KeyItem(
                    key.id().toString(),
                    key.appKey().value(),
                    key.label().value(),
                    key.createdIn().toString(),
                    key.active(),
                    AppKeysController.expiresIn(key),
                    AppKeysController.expired(key, now),
                    tokens.tokenCreatedIn().toString(),
                    tokens.tokenAge().toDays(),
                    tokens.tokenAgeStatus().label(),
                    key.networks().anywhere() ? null : key.networks().written());
        }
    }

    /**
     * One key in full, AppKeys' own: what a list shows, its last use and roles, and where its tokens stand: while
     * a renewal is pending, the new token's date, when the current one stops working, and each token's last use.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KeyDetails(
            String id,
            String appKey,
            String label,
            String createdIn,
            boolean isActive,
            String lastUsedIn,
            String expiresIn,
            boolean expired,
            List<RoleItem> roles,
            String creationDateToken,
            long tokenAgeDays,
            String tokenAgeStatus,
            String tokenLastUsedIn,
            String creationDateNewToken,
            String newTokenLastUsedIn,
            String tokenExpiresIn,
            List<String> allowedNetworks,
            @JsonRawValue String metadata) {

        static KeyDetails of(AppKeyDetails details, Instant now) {
            AppKey key = details.key();
            TokenStatus tokens = details.tokens();
            return new KeyDetails(
                    key.id().toString(),
                    key.appKey().value(),
                    key.label().value(),
                    key.createdIn().toString(),
                    key.active(),
                    instant(key.lastUsedIn()),
                    AppKeysController.expiresIn(key),
                    key.expiredAt(now),
                    details.roles().stream()
                            .map(role ->
                                    new RoleItem(role.id().value(), role.name().value()))
                            .toList(),
                    tokens.tokenCreatedIn().toString(),
                    tokens.tokenAge().toDays(),
                    tokens.tokenAgeStatus().label(),
                    instant(tokens.tokenLastUsedIn()),
                    instant(tokens.newTokenCreatedIn()),
                    instant(tokens.newTokenLastUsedIn()),
                    instant(tokens.tokenExpiresIn()),
                    key.networks().written(),
                    key.metadata().map(KeyMetadata::json).orElse(null));
        }
    }

    /** A role of a key, by id and name. */
    record RoleItem(int id, String name) {}

    /** AppKeys' own {@code expiresIn} member: the key's expiry, or null (left out) for a key that never expires. */
    static String expiresIn(AppKey key) {
        return instant(key.expiresIn());
    }

    /** AppKeys' own {@code expired} member: whether the key has expired, or null for a key that never expires. */
    static Boolean expired(AppKey key, Instant now) {
        return key.expiresIn().isPresent() ? key.expiredAt(now) : null;
    }

    private static String instant(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
