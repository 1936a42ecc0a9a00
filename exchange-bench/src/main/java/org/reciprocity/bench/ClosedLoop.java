package org.reciprocity.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Clients that each send their next request as soon as the last is answered, all at once: the load a number of busy
 * consumers put on the exchange. Every request is timed; the run's rate is over the wall time of the whole.
 */
final class ClosedLoop {

    /** One client's requests: the {@code n}th of them, sent when the one before it was answered. */
    interface Client {
        void request(int n) throws Exception;
    }

    private ClosedLoop() {
    }

    static Latencies run(List<Client> clients, int requestsEach) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        try {
            long started = System.nanoTime();
            List<Future<long[]>> timings = new ArrayList<>();
            for (Client client : clients) {
                timings.add(threads.submit(() -> {
                    long[] nanos = new long[requestsEach];
                    for (int n = 0; n < requestsEach; n++) {
                        long sent = System.nanoTime();
                        client.request(n);
                        nanos[n] = System.nanoTime() - sent;
                    }
                    return nanos;
                }));
            }
            long[] all = new long[clients.size() * requestsEach];
            int filled = 0;
            for (Future<long[]> timing : timings) {
                long[] nanos = timing.get();
                System.arraycopy(nanos, 0, all, filled, nanos.length);
                filled += nanos.length;
            }
            return Latencies.of(all, System.nanoTime() - started);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client's request failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }
}
