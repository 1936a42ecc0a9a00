package org.reciprocity.core.account;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot is taken after the deciding command commits, off its thread, or left out when too many wait. */
class SnapshotsAfterCommitTest {

    private final List<String> taken = new ArrayList<>();
    private final List<Runnable> queued = new ArrayList<>();
    private final SnapshotsAfterCommit snapshots = new SnapshotsAfterCommit(
            (type, stream) -> taken.add(stream), queued::add);

    @Test
    void aSnapshotDueInACommandIsQueuedOnceTheCommandHasCommitted() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("withdraw"));
        snapshots.scheduleSnapshot(Account.class, "account:a");
        assertThat(queued).as("nothing before the commit").isEmpty();
        command.commit();

        assertThat(queued).hasSize(1);
        assertThat(taken).as("not on the command's thread").isEmpty();
        queued.get(0).run();
        assertThat(taken).containsExactly("account:a");
    }

    @Test
    void aCommandRolledBackAsksForNoSnapshot() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("withdraw"));
        snapshots.scheduleSnapshot(Account.class, "account:a");
        command.rollback();

        assertThat(queued).isEmpty();
    }

    @Test
    void anAccountWithASnapshotWaitingQueuesNoSecond() {
        snapshots.scheduleSnapshot(Account.class, "account:a");
        snapshots.scheduleSnapshot(Account.class, "account:a");
        snapshots.scheduleSnapshot(Account.class, "account:b");
        assertThat(queued).hasSize(2);

        queued.forEach(Runnable::run);
        snapshots.scheduleSnapshot(Account.class, "account:a");
        assertThat(queued).as("once taken, the next one is due again").hasSize(3);
    }

    @Test
    void aSnapshotTheExecutorCannotTakeIsLeftOutAndTheNextOneIsTaken() {
        List<Runnable> accepted = new ArrayList<>();
        boolean[] full = {true};
        Executor executor = task -> {
            if (full[0]) {
                throw new RejectedExecutionException("full");
            }
            accepted.add(task);
        };
        SnapshotsAfterCommit whenFull = new SnapshotsAfterCommit((type, stream) -> taken.add(stream), executor);

        whenFull.scheduleSnapshot(Account.class, "account:a");
        full[0] = false;
        whenFull.scheduleSnapshot(Account.class, "account:a");
        accepted.forEach(Runnable::run);

        assertThat(taken).containsExactly("account:a");
    }
}
