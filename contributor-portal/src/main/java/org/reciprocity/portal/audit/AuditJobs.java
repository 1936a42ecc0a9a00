package org.reciprocity.portal.audit;

import jakarta.annotation.PreDestroy;
import org.reciprocity.ledger.history.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Runs audit jobs one at a time, in the order asked: each reads the whole history, and two at once would only share
 * the database's attention. Jobs are kept in memory for polling, the most recent {@value #KEPT} of them; a restart
 * forgets them, and the job is simply asked for again.
 */
@Component
class AuditJobs {

    static final int KEPT = 20;
    static final int WAITING = 5;
    private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-job");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, AuditJob> jobs = new LinkedHashMap<>();
    private final Clock clock;

    AuditJobs(Clock clock) {
        this.clock = clock;
    }

    /** @throws AuditJobsBusyException when {@value #WAITING} jobs are waiting or running already */
    AuditJob start(String kind, Function<Progress, Object> work) {
        AuditJob job = new AuditJob(kind, clock.instant());
        synchronized (jobs) {
            if (jobs.values().stream().filter(waiting -> !waiting.isFinished()).count() >= WAITING) {
                throw new AuditJobsBusyException(WAITING);
            }
            forgetOldFinished();
            jobs.put(job.id(), job);
        }
        worker.submit(() -> {
            job.started(clock.instant());
            try {
                job.done(work.apply(job::reached), clock.instant());
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString();
                log.error("Audit job {} ({}) failed (reference {})", job.id(), kind, reference, e);
                job.failed(e.getMessage() + " (reference " + reference + ")", clock.instant());
            }
        });
        return job;
    }

    Optional<AuditJob> find(UUID id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** The jobs kept, the newest first. */
    List<AuditJob> all() {
        synchronized (jobs) {
            List<AuditJob> all = new ArrayList<>(jobs.values());
            Collections.reverse(all);
            return all;
        }
    }

    private void forgetOldFinished() {
        Iterator<AuditJob> oldest = jobs.values().iterator();
        while (jobs.size() >= KEPT && oldest.hasNext()) {
            if (oldest.next().isFinished()) {
                oldest.remove();
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
