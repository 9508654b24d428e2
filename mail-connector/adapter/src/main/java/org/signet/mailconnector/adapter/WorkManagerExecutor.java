package org.signet.mailconnector.adapter;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executor for SubEthaSMTP's sessions that runs each on a thread of the container's WorkManager,
 * so that the container sizes, names and accounts for them (Jakarta Connectors 2.1, chapter 11).
 */
final class WorkManagerExecutor extends AbstractExecutorService {

    private final WorkManager workManager;
    private final AtomicInteger running = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean shutdown;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable command) {
        if (shutdown) {
            throw new RejectedExecutionException("the SMTP listener is stopping");
        }
        running.incrementAndGet();
        try {
            workManager.scheduleWork(new SessionWork(command));
        } catch (WorkException e) {
            finished();
            throw new RejectedExecutionException("the WorkManager refused an SMTP session", e);
        }
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && running.get() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        var deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (idle) {
            while (!isTerminated()) {
                var left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    private void finished() {
        if (running.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private final class SessionWork implements Work {

        private final Runnable session;

        SessionWork(Runnable session) {
            this.session = session;
        }

        @Override
        public void run() {
            try {
                session.run();
            } finally {
                finished();
            }
        }

        @Override
        public void release() {
            // SubEthaSMTP closes the session's socket when the server stops
        }
    }
}
