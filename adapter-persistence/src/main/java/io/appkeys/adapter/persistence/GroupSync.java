package io.appkeys.adapter.persistence;

/**
 * Forces committed transactions to disk, one sync for every commit that finished before it began (group
 * commit). A sync costs about a millisecond whatever it carries; commits that arrive while one runs wait for
 * the next, which one of them runs for all. A commit returns only once a sync that began after it has ended.
 */
final class GroupSync {

    private long committed;
    private long durable;
    private boolean syncing;

    /**
     * Call after a transaction has committed; returns once the commit is on disk.
     *
     * @param sync forces everything committed so far to disk; when it throws, this call throws too, and a
     *             commit waiting for it runs a sync of its own
     */
    void afterCommit(Runnable sync) {
        long upTo;
        synchronized (this) {
            long mine = ++committed;
            boolean interrupted = false;
            while (syncing && durable < mine && !interrupted) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    interrupted = true;
                }
            }
            if (durable >= mine) {
                return;
            }
            if (syncing) {
                upTo = -1; // interrupted while another sync runs: sync alone, outside the group
            } else {
                syncing = true;
                upTo = committed;
            }
        }
        if (upTo < 0) {
            sync.run();
            return;
        }
        boolean done = false;
        try {
            sync.run();
            done = true;
        } finally {
            synchronized (this) {
                syncing = false;
                if (done) {
                    durable = Math.max(durable, upTo);
                }
                notifyAll();
            }
        }
    }
}
