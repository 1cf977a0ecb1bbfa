package io.appkeys.adapter.http;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the key authority's HTTP server: port 8080 unless {@code APPKEYS_PORT} or {@code MICRONAUT_SERVER_PORT}
 * says otherwise, over the store that {@code APPKEYS_DB_URL} names or the embedded one; SIGTERM stops it
 * gracefully ({@link Shutdown}).
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "AppKeys",
                        version = "0.1",
                        description =
                                "An appKey/appToken authority that speaks VTEX's License Manager and VTEX ID paths.",
                        license = @License(name = "See the project's LICENSE")),
        security = {
            @SecurityRequirement(
                    name = "appKey",
                    scopes = {}),
            @SecurityRequirement(
                    name = "signedToken",
                    scopes = {}),
            @SecurityRequirement(
                    name = "signedTokenCookie",
                    scopes = {})
        })
@SecuritySchemes({
    @SecurityScheme(
            name = "appKey",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.HEADER,
            paramName = "X-VTEX-API-AppKey",
            description = "The appKey; send it together with X-VTEX-API-AppToken on every /api request"),
    @SecurityScheme(
            name = "appToken",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.HEADER,
            paramName = "X-VTEX-API-AppToken",
            description = "The appToken of the appKey"),
    @SecurityScheme(
            name = "signedToken",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.HEADER,
            paramName = "VtexIdclientAutCookie",
            description = "A signed token from POST /api/vtexid/apptoken/login, in place of the key pair"),
    @SecurityScheme(
            name = "signedTokenCookie",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.COOKIE,
            paramName = "VtexIdclientAutCookie",
            description = "The same signed token, as a cookie")
})
public final class Server {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private Server() {}

    public static void main(String[] args) {
        ServiceIndex.useIfPackaged(); // before Micronaut lists its services itself
        LOG.debug("starting"); // logging is configured here, before the store's thread logs too
        Micronaut server = Micronaut.build(args)
                .mainClass(Server.class)
                .banner(false)
                .propertySources(ShippedConfiguration.propertySource());
        StoreOpening.beginFromEnvironment().ifPresent(server::singletons);
        Shutdown.onSignals(server.start());
    }
}
