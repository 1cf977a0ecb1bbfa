package io.appkeys.adapter.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain JDK HTTP client against the running server, sending VTEX's headers. */
final class Http {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    Reply get(String path, Credentials as) {
        return send("GET", path, headers(as), null);
    }

    Reply post(String path, Credentials as, String json) {
        return send("POST", path, headers(as), json);
    }

    Reply put(String path, Credentials as, String json) {
        return send("PUT", path, headers(as), json);
    }

    Reply patch(String path, Credentials as) {
        return send("PATCH", path, headers(as), null);
    }

    Reply delete(String path, Credentials as) {
        return send("DELETE", path, headers(as), null);
    }

    static Map<String, String> headers(Credentials as) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (as != null) {
            headers.put("X-VTEX-API-AppKey", as.appKey());
            headers.put("X-VTEX-API-AppToken", as.appToken());
        }
        return headers;
    }

    Reply send(String method, String path, Map<String, String> headers, String json) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (json != null) {
            all.put("Content-Type", "application/json");
        }
        return sendRaw(method, path, all, json);
    }

    /** Sends {@code body} (when not null) with exactly {@code headers}. */
    Reply sendRaw(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            var response = client.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
