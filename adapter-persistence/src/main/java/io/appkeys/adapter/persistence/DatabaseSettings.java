package io.appkeys.adapter.persistence;

import io.appkeys.core.domain.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the store lives: a JDBC URL with optional credentials. The default is an H2 file under
 * {@code $APPKEYS_HOME} (or {@code ~/.appkeys}), opened in H2's automatic mixed mode so the server and the CLI
 * can use it at the same time. A {@code jdbc:postgresql:} URL selects PostgreSQL.
 *
 * @param url         the JDBC URL, {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
 * @param user        the database user, when the URL does not carry one
 * @param password    the database password; never printed
 * @param maxPoolSize how many connections the pool may open
 * @param connectionTimeout how long a call waits for a connection before the store counts as unavailable (and the
 *                    server answers 503); empty for the default, 3 s on PostgreSQL and 10 s on an embedded file
 */
public record DatabaseSettings(
        String url,
        Optional<String> user,
        Optional<String> password,
        int maxPoolSize,
        Optional<Duration> connectionTimeout) {

    public static final String URL_VARIABLE = "APPKEYS_DB_URL";
    public static final String USER_VARIABLE = "APPKEYS_DB_USER";
    public static final String PASSWORD_VARIABLE = "APPKEYS_DB_PASSWORD";
    public static final String HOME_VARIABLE = "APPKEYS_HOME";
    public static final String TIMEOUT_VARIABLE = "APPKEYS_DB_TIMEOUT";
    /** The connection pool's own floor. */
    static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    static final int DEFAULT_POOL_SIZE = 10;

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s]*");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@\\s]*:)[^@/\\s]*@");
    /** Masking shorter strings wherever they occur would mangle messages more than it protects. */
    private static final int MIN_MASKED_LENGTH = 3;

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new InvalidInputException("database URL must start with jdbc:h2: or jdbc:postgresql:");
        }
        if (maxPoolSize < 2) {
            throw new InvalidInputException(
                    "pool size must be at least 2 (migrations need two connections), got " + maxPoolSize);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout
                .filter(timeout -> timeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0)
                .isPresent()) {
            throw new InvalidInputException("the store's connection timeout must be at least 250ms");
        }
    }

    /** Settings with the default connection timeout. */
    public DatabaseSettings(String url, Optional<String> user, Optional<String> password, int maxPoolSize) {
        this(url, user, password, maxPoolSize, Optional.empty());
    }

    /** A store at {@code url}, with credentials in the URL or none. */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE);
    }

    /** The embedded H2 file {@code appkeys} in {@code home}, created on first use. */
    public static DatabaseSettings embedded(Path home) {
        String file = home.toAbsolutePath().resolve("appkeys").toString().replace('\\', '/');
        return of("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE");
    }

    /** The home of the embedded store: {@code $APPKEYS_HOME}, else {@code ~/.appkeys}. */
    public static Path home(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(HOME_VARIABLE))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".appkeys"));
    }

    /**
     * {@code APPKEYS_DB_URL}, {@code APPKEYS_DB_USER}, {@code APPKEYS_DB_PASSWORD} and {@code APPKEYS_DB_TIMEOUT},
     * else the embedded store with the default timeout.
     */
    public static DatabaseSettings fromEnvironment(Map<String, String> environment) {
        Optional<String> url = nonBlank(environment.get(URL_VARIABLE));
        DatabaseSettings base = url.map(DatabaseSettings::of).orElseGet(() -> embedded(home(environment)));
        return new DatabaseSettings(
                base.url(),
                nonBlank(environment.get(USER_VARIABLE)),
                nonBlank(environment.get(PASSWORD_VARIABLE)),
                base.maxPoolSize(),
                nonBlank(environment.get(TIMEOUT_VARIABLE)).map(DatabaseSettings::timeout));
    }

    public DatabaseSettings withCredentials(String newUser, String newPassword) {
        return new DatabaseSettings(url, nonBlank(newUser), nonBlank(newPassword), maxPoolSize, connectionTimeout);
    }

    public DatabaseSettings withMaxPoolSize(int size) {
        return new DatabaseSettings(url, user, password, size, connectionTimeout);
    }

    public DatabaseSettings withUrl(String newUrl) {
        return new DatabaseSettings(newUrl, user, password, maxPoolSize, connectionTimeout);
    }

    public DatabaseSettings withConnectionTimeout(Duration timeout) {
        return new DatabaseSettings(url, user, password, maxPoolSize, Optional.of(timeout));
    }

    /** {@code APPKEYS_DB_TIMEOUT}'s value: whole milliseconds, seconds or minutes, as {@code 500ms}, {@code 3s}. */
    private static Duration timeout(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidInputException(
                    TIMEOUT_VARIABLE + " must be a duration such as 500ms, 3s or 1m, got '" + text.strip() + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL with its password masked, for messages and logs. */
    public String redactedUrl() {
        return redact(url);
    }

    /**
     * {@code text} with this store's password masked in every form it takes: a {@code password=} parameter
     * (PostgreSQL's {@code &} or H2's {@code ;}), the {@code user:password@} part of a URL, and the password
     * itself wherever a driver's message repeats it. For every message that may carry a URL or a cause.
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
        masked = USER_INFO_PASSWORD.matcher(masked).replaceAll("$1***@");
        for (String secret : secrets()) {
            masked = masked.replace(secret, "***");
        }
        return masked;
    }

    /** The passwords this store's settings hold, as given and as the URL spells them. */
    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        password.ifPresent(secrets::add);
        Matcher parameter = PASSWORD_PARAMETER.matcher(url);
        while (parameter.find()) {
            secrets.add(url.substring(parameter.end(1), parameter.end()));
        }
        Matcher userInfo = USER_INFO_PASSWORD.matcher(url);
        while (userInfo.find()) {
            secrets.add(url.substring(userInfo.end(1), userInfo.end() - 1));
        }
        secrets.removeIf(secret -> secret.length() < MIN_MASKED_LENGTH || secret.equals("***"));
        return secrets;
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user.orElse("") + ", password="
                + password.map(p -> "***").orElse("") + ", maxPoolSize=" + maxPoolSize
                + connectionTimeout
                        .map(timeout -> ", connectionTimeout=" + timeout)
                        .orElse("") + "]";
    }
}
