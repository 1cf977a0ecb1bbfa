package io.appkeys.adapter.http;

import io.appkeys.adapter.http.SharedServers.ServedStore;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;

/**
 * A feature driven over HTTP against the real server, once per store: every test gets an account of its own and an
 * admin key made through core. Subclasses name {@code SharedServers#all} as their source.
 */
@ParameterizedClass(name = "{0}")
@ExtendWith(SharedServers.class)
abstract class OverHttp {

    protected final ServedStore served;
    protected final Http http;
    protected final Tenant tenant;

    OverHttp(ServedStore served) {
        this.served = served;
        this.http = new Http(served.server().uri());
        this.tenant = Tenant.create(served.server().appKeys());
    }
}
