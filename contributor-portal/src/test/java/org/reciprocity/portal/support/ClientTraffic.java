package org.reciprocity.portal.support;

import org.reciprocity.portal.support.ExchangeClient.Response;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.awaitility.Awaitility.await;

/**
 * Clients sending requests one after another without pause, each on a thread of its own, until the node stops
 * answering: the traffic a crash interrupts. Every request is kept with its answer, or with none when the node went
 * away first; a client stops at the first request left unanswered, as a real one would stop to retry it.
 */
public final class ClientTraffic {

    /** A request as a client sends it, and sends it again when it retries. */
    public record Request(String path, Participant sender, String requestKey, Map<String, Object> body) {
    }

    /** A request and its answer: null when none came. */
    public record Sent(Request request, Response answer) {

        /** Whether the client was told it succeeded: a 2xx answer received. */
        public boolean acknowledged() {
            return answer != null && answer.status() / 100 == 2;
        }
    }

    /** What a client sends next, knowing the last answer acknowledged to it (null before the first). */
    public interface Client {
        Request next(int sequence, Response lastAcknowledged);
    }

    private static final int BUSY_ATTEMPTS = 50;
    // Shorter than the Retry-After the exchange sends (1 s), to keep tests quick.
    private static final Duration BUSY_PAUSE = Duration.ofMillis(100);

    private final ExchangeClient api;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicIntegerArray answers;
    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();

    private ClientTraffic(ExchangeClient api, int clients) {
        this.api = api;
        this.answers = new AtomicIntegerArray(clients);
        this.threads = Executors.newFixedThreadPool(clients);
    }

    public static ClientTraffic start(ExchangeClient api, List<Client> clients) {
        ClientTraffic traffic = new ClientTraffic(api, clients.size());
        for (int i = 0; i < clients.size(); i++) {
            int index = i;
            traffic.running.add(traffic.threads.submit(() -> traffic.run(index, clients.get(index))));
        }
        return traffic;
    }

    /** Until every client has had {@code answersEach} answers, and then until {@code atOnce} requests are open. */
    public void awaitInFlight(int answersEach, int atOnce, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(5)).until(() -> {
            for (int i = 0; i < answers.length(); i++) {
                if (answers.get(i) < answersEach) {
                    return false;
                }
            }
            return inFlight.get() >= atOnce;
        });
    }

    public int clients() {
        return answers.length();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Once the node is gone: every request sent, in the order the clients had them answered or left unanswered. */
    public List<Sent> awaitStopped(Duration within) {
        try {
            for (Future<?> client : running) {
                client.get(within.toMillis(), TimeUnit.MILLISECONDS);
            }
            return List.copyOf(sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("a client did not stop when the node went away", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Sends the request as a well-behaved client does: again, with the same key, while the exchange answers that it
     * is busy or still starting (503: nothing was stored), up to a few seconds' worth of attempts.
     */
    public static Response send(ExchangeClient api, Request request) {
        Response answer = api.post(request.path(), request.sender().apiKey(), request.requestKey(), request.body());
        for (int attempt = 1; answer.status() == 503 && attempt < BUSY_ATTEMPTS; attempt++) {
            try {
                Thread.sleep(BUSY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = api.post(request.path(), request.sender().apiKey(), request.requestKey(), request.body());
        }
        return answer;
    }

    private void run(int index, Client client) {
        Response lastAcknowledged = null;
        for (int sequence = 0; ; sequence++) {
            Request request = client.next(sequence, lastAcknowledged);
            Response answer;
            inFlight.incrementAndGet();
            try {
                answer = send(api, request);
            } catch (UncheckedIOException noAnswer) {
                sent.add(new Sent(request, null));
                return;
            } finally {
                inFlight.decrementAndGet();
            }
            Sent done = new Sent(request, answer);
            sent.add(done);
            answers.incrementAndGet(index);
            if (done.acknowledged()) {
                lastAcknowledged = answer;
            }
        }
    }
}
