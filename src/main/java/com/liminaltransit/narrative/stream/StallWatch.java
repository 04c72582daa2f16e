package com.liminaltransit.narrative.stream;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Interrupts a thread that reads a stream when nothing has arrived for too long: vendors' request timeouts stop at
 * the headers, and a stream that stalls half-way would otherwise hold a player until the step deadline. The reading
 * thread {@link #touch() touches} the watch on every piece; closing the watch clears an interrupt it caused, so the
 * chain can go on to its next link on the same thread.
 */
public final class StallWatch implements AutoCloseable {

    private final Thread reader;
    private final long idleNanos;
    private final Thread watcher;
    private volatile long lastNanos = System.nanoTime();
    private boolean closed;
    private boolean fired;

    private StallWatch(Duration idle) {
        this.reader = Thread.currentThread();
        this.idleNanos = idle.toNanos();
        this.watcher = Thread.ofVirtual().name("stall-watch").start(this::watch);
    }

    /** Watches the current thread: it is interrupted once {@code idle} passes without a {@link #touch()}. */
    public static StallWatch over(Duration idle) {
        return new StallWatch(idle);
    }

    /** Something arrived. */
    public void touch() {
        lastNanos = System.nanoTime();
    }

    /** Whether the watch interrupted the reader. */
    public synchronized boolean fired() {
        return fired;
    }

    private void watch() {
        while (true) {
            long left = lastNanos + idleNanos - System.nanoTime();
            if (left <= 0) {
                synchronized (this) {
                    if (!closed) {
                        fired = true;
                        reader.interrupt();
                    }
                }
                return;
            }
            LockSupport.parkNanos(this, left);
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Stops watching; an interrupt the watch caused is cleared (the reader has handled it by now). */
    @Override
    public void close() {
        boolean clear;
        synchronized (this) {
            closed = true;
            clear = fired;
        }
        LockSupport.unpark(watcher);
        if (clear) {
            Thread.interrupted();
        }
    }
}
