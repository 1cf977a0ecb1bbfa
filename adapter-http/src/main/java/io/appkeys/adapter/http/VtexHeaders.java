package io.appkeys.adapter.http;

/** The headers VTEX clients send their key pair in; HTTP header names are case-insensitive. */
final class VtexHeaders {

    static final String APP_KEY = "X-VTEX-API-AppKey";
    static final String APP_TOKEN = "X-VTEX-API-AppToken";
    /** VTEX's account query parameter; when given it must name the caller's account. */
    static final String ACCOUNT_PARAMETER = "an";

    private VtexHeaders() {}
}
