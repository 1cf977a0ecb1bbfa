package io.appkeys.adapter.persistence;

/**
 * The store's connection pool at one moment, for metrics.
 *
 * @param active  connections lent out now
 * @param idle    connections ready in the pool
 * @param waiting threads waiting for a connection
 * @param max     the most the pool opens
 */
public record PoolStatistics(int active, int idle, int waiting, int max) {}
