package io.appkeys.adapter.http;

/** A key pair as a client holds it, and the key's id. */
record Credentials(String id, String appKey, String appToken) {

    Credentials withToken(String token) {
        return new Credentials(id, appKey, token);
    }

    @Override
    public String toString() {
        return "Credentials[" + appKey + "]";
    }
}
