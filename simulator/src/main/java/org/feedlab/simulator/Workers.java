package org.feedlab.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs per-user work on a fixed number of threads: indices 0..n−1 are cut into fixed chunks of
 * consecutive indices, and the chunks are handed to a pool. The body must write only to what index
 * i owns (the user's own state, slot i of an array); callers merge the slots afterwards in index
 * order, so results never depend on the thread count or on which thread ran what. With one thread
 * the work runs in the calling thread, in index order, and no pool exists.
 */
public final class Workers implements AutoCloseable {
    /** Chunks per thread: enough to even out users whose work differs (long and short feeds). */
    static final int CHUNKS_PER_THREAD = 8;

    /** Everything in the calling thread. */
    public static final Workers ONE = new Workers(1, null);

    private final int threads;
    private final ExecutorService pool;

    private Workers(int threads, ExecutorService pool) {
        this.threads = threads;
        this.pool = pool;
    }

    /** Workers on {@code threads} threads (daemon threads named {@code feedlab-worker-N}). */
    public static Workers of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threads == 1) {
            return ONE;
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "feedlab-worker-" + count.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        return new Workers(threads, pool);
    }

    /** The number of threads. */
    public int threads() {
        return threads;
    }

    /**
     * Calls {@code body} for every index in [0, n) and returns when all calls have returned. An
     * exception thrown by a call is rethrown here (the one of the lowest chunk), after every chunk
     * has finished.
     */
    public void forEach(int n, IntConsumer body) {
        if (pool == null || n < 2) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        int chunks = Math.min(n, threads * CHUNKS_PER_THREAD);
        List<Future<?>> done = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            done.add(
                    pool.submit(
                            () -> {
                                for (int i = from; i < to; i++) {
                                    body.accept(i);
                                }
                            }));
        }
        Throwable failure = null;
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.forEach(d -> d.cancel(true));
                throw new IllegalStateException("interrupted while waiting for the workers", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Stops the pool's threads (nothing to do with one thread). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
