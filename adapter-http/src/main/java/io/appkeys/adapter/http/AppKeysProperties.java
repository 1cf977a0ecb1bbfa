package io.appkeys.adapter.http;

import io.appkeys.core.service.AppKeysSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Optional;

/**
 * The tunable parts of core, read from configuration ({@code appkeys.*} in server.properties, or
 * environment variables such as {@code APPKEYS_ARGON2_MEMORY_KIB}), for the composition root
 * ({@link AppKeysFactory}) to build core's settings from. Every default is core's production default;
 * Argon2's, when not set, are left to the composition root, which knows the hasher.
 */
@ConfigurationProperties("appkeys")
class AppKeysProperties {

    private static final AppKeysSettings DEFAULTS = AppKeysSettings.defaults();

    private String appKeyPrefix = DEFAULTS.appKeyPrefix();
    private Duration renewalPeriod = DEFAULTS.renewalPeriod();
    private Duration cacheTtl = DEFAULTS.cacheTtl();
    private int cacheMaxEntries = DEFAULTS.cacheMaxEntries();
    private int throttleMaxFailures = DEFAULTS.throttleMaxFailures();
    private Duration throttleWindow = DEFAULTS.throttleWindow();
    private int hashingConcurrency = DEFAULTS.hashingConcurrency();
    private Duration hashingMaxWait = DEFAULTS.hashingMaxWait();
    private Duration usageInterval = DEFAULTS.usageInterval();
    private Duration refusalTime = DEFAULTS.refusalTime();
    private Duration feedPollInterval = DEFAULTS.feedPollInterval();
    private Duration propagationWait = DEFAULTS.propagationWait();
    private Duration signedTokenLifetime = DEFAULTS.signedTokenLifetime();
    private Duration signingKeyRotation = DEFAULTS.signingKeyRotation();
    private String tokenIssuer = DEFAULTS.tokenIssuer();
    private Duration usageRetention = DEFAULTS.usageRetention();
    private Duration usageFlushEvery = Duration.ofSeconds(10);
    private Integer argon2MemoryKib;
    private Integer argon2Iterations;
    private Integer argon2Parallelism;

    String getAppKeyPrefix() {
        return appKeyPrefix;
    }

    Duration getRenewalPeriod() {
        return renewalPeriod;
    }

    Duration getCacheTtl() {
        return cacheTtl;
    }

    int getCacheMaxEntries() {
        return cacheMaxEntries;
    }

    int getThrottleMaxFailures() {
        return throttleMaxFailures;
    }

    Duration getThrottleWindow() {
        return throttleWindow;
    }

    int getHashingConcurrency() {
        return hashingConcurrency;
    }

    Duration getHashingMaxWait() {
        return hashingMaxWait;
    }

    Duration getUsageInterval() {
        return usageInterval;
    }

    Duration getRefusalTime() {
        return refusalTime;
    }

    Duration getFeedPollInterval() {
        return feedPollInterval;
    }

    Duration getPropagationWait() {
        return propagationWait;
    }

    Duration getSignedTokenLifetime() {
        return signedTokenLifetime;
    }

    Duration getSigningKeyRotation() {
        return signingKeyRotation;
    }

    String getTokenIssuer() {
        return tokenIssuer;
    }

    Duration getUsageRetention() {
        return usageRetention;
    }

    /** Argon2's memory in KiB, iterations and lanes, each empty when not configured. */
    Optional<Integer> argon2MemoryKib() {
        return Optional.ofNullable(argon2MemoryKib);
    }

    Optional<Integer> argon2Iterations() {
        return Optional.ofNullable(argon2Iterations);
    }

    Optional<Integer> argon2Parallelism() {
        return Optional.ofNullable(argon2Parallelism);
    }

    Duration getUsageFlushEvery() {
        return usageFlushEvery;
    }

    public void setAppKeyPrefix(String value) {
        this.appKeyPrefix = value;
    }

    public void setRenewalPeriod(Duration value) {
        this.renewalPeriod = value;
    }

    public void setCacheTtl(Duration value) {
        this.cacheTtl = value;
    }

    public void setCacheMaxEntries(int value) {
        this.cacheMaxEntries = value;
    }

    public void setThrottleMaxFailures(int value) {
        this.throttleMaxFailures = value;
    }

    public void setThrottleWindow(Duration value) {
        this.throttleWindow = value;
    }

    public void setHashingConcurrency(int value) {
        this.hashingConcurrency = value;
    }

    public void setHashingMaxWait(Duration value) {
        this.hashingMaxWait = value;
    }

    public void setUsageInterval(Duration value) {
        this.usageInterval = value;
    }

    public void setRefusalTime(Duration value) {
        this.refusalTime = value;
    }

    public void setFeedPollInterval(Duration value) {
        this.feedPollInterval = value;
    }

    public void setPropagationWait(Duration value) {
        this.propagationWait = value;
    }

    public void setSignedTokenLifetime(Duration value) {
        this.signedTokenLifetime = value;
    }

    public void setSigningKeyRotation(Duration value) {
        this.signingKeyRotation = value;
    }

    public void setTokenIssuer(String value) {
        this.tokenIssuer = value;
    }

    public void setUsageRetention(Duration value) {
        this.usageRetention = value;
    }

    public void setUsageFlushEvery(Duration value) {
        this.usageFlushEvery = value;
    }

    public void setArgon2MemoryKib(int value) {
        this.argon2MemoryKib = value;
    }

    public void setArgon2Iterations(int value) {
        this.argon2Iterations = value;
    }

    public void setArgon2Parallelism(int value) {
        this.argon2Parallelism = value;
    }
}
