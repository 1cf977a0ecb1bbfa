package io.appkeys.adapter.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's part in the console, by plain HTTP: it keeps the session cookie and reads the forms' CSRF token. */
final class ConsoleClient {

    private static final Pattern COOKIE = Pattern.compile(ConsoleSession.COOKIE + "=([^;]*)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final Http http;
    private String cookie = "";

    ConsoleClient(Http http) {
        this.http = http;
    }

    /** Signs in with the key pair; the reply is the sign-in's own (a 303 when it worked). */
    Reply signIn(Credentials key) {
        Reply reply = post("/admin/sign-in", Map.of("appKey", key.appKey(), "appToken", key.appToken()));
        return reply;
    }

    Reply get(String path) {
        return keep(http.send("GET", path, headers(), null));
    }

    /** Posts a form as it is, CSRF token or not. */
    Reply post(String path, Map<String, String> form) {
        Map<String, String> headers = headers();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return keep(http.sendRaw("POST", path, headers, body));
    }

    /** Posts a form with the CSRF token read from the page at {@code from}, as the page's own form would. */
    Reply submit(String from, String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("csrf", csrf(get(from).body()).orElseThrow(() -> new AssertionError("no form token on " + from)));
        return post(path, withToken);
    }

    String cookie() {
        return cookie;
    }

    static Optional<String> csrf(String page) {
        Matcher found = CSRF.matcher(page);
        return found.find() ? Optional.of(found.group(1)) : Optional.empty();
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!cookie.isEmpty()) {
            headers.put("Cookie", ConsoleSession.COOKIE + "=" + cookie);
        }
        return headers;
    }

    private Reply keep(Reply reply) {
        reply.headers().allValues("Set-Cookie").forEach(set -> {
            Matcher value = COOKIE.matcher(set);
            if (value.find()) {
                cookie = value.group(1);
            }
        });
        return reply;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
