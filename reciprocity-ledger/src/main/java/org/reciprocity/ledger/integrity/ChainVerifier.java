package org.reciprocity.ledger.integrity;

import org.reciprocity.core.chain.ChainHead;
import org.reciprocity.core.chain.EventChain;
import org.reciprocity.core.chain.EventRow;
import org.reciprocity.core.chain.EventRows;
import org.reciprocity.ledger.history.Progress;
import org.reciprocity.ledger.integrity.ChainFinding.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * Verifies the event store (the database's or Axon Server's) against its hash chain and the signed checkpoints,
 * reading both in position order a page at a time. Each event's link is recomputed from the stored link before it, so that one altered event is one
 * finding, not a cascade; the checkpoints then vouch for the stored links themselves, which anyone with write access
 * to the database could otherwise have recomputed after altering an event.
 */
@Component
public class ChainVerifier {

    static final int MAX_FINDINGS = 100;
    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final EventRows events;
    private final Clock clock;

    ChainVerifier(JdbcTemplate jdbc, EventRows events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param checkpoints the checkpoints to hold the chain to: those an auditor kept, or the exchange's own
     * @param key         the exchange's public key, as the auditor was given it
     */
    public VerificationReport verify(List<Checkpoint> checkpoints, PublicKey key, Progress progress) {
        return check(Long.MIN_VALUE, EventChain.GENESIS, checkpoints, key, progress);
    }

    /**
     * Whether the chain's links after a checkpoint follow from the event rows and from the checkpoint's link: what
     * must hold before the head is signed, so that links someone rewrote are never vouched for. Events slipped in
     * without a link do not stop it; verification reports them.
     *
     * @param anchor the last checkpoint signed, or empty to check from the first event
     */
    public boolean linksFollow(Optional<Checkpoint> anchor, PublicKey key) {
        VerificationReport report = check(anchor.map(Checkpoint::position).orElse(Long.MIN_VALUE),
                anchor.map(Checkpoint::link).orElse(EventChain.GENESIS), List.of(), key, Progress.NONE);
        return report.findings().stream().allMatch(finding -> finding.kind() == Kind.NOT_CHAINED)
                && report.findingsTotal() == report.findings().size();
    }

    private VerificationReport check(long after, String linkBefore, List<Checkpoint> checkpoints, PublicKey key,
                                     Progress progress) {
        long started = System.nanoTime();
        // The head first, then the last event: the linker links in order, so every event up to the head was linked,
        // and those after it are still to be, which is no finding. Links beyond the head, made since, are not read.
        ChainHead head = ChainHead.of(jdbc);
        long last = Math.max(events.lastPosition(), head.position());

        Findings findings = new Findings();
        Deque<Checkpoint> pending = new ArrayDeque<>(checkpoints.stream()
                .sorted(Comparator.comparingLong(Checkpoint::position)).toList());
        for (Checkpoint checkpoint : checkpoints) {
            if (!CheckpointKeys.isSignedBy(checkpoint, key)) {
                findings.add(checkpoint.position(), Kind.BAD_SIGNATURE, "the checkpoint signed at "
                        + checkpoint.signedAt() + " does not verify with key " + CheckpointKeys.keyId(key));
            }
        }

        // From the lowest position there is: a row slipped in below the first event is found as well.
        Peeking<EventRow> rows = new Peeking<>(pages(after, from -> events.page(from, last, PAGE),
                EventRow::position));
        Peeking<Link> links = new Peeking<>(pages(after, from -> jdbc.query("select position, link from event_chain "
                + "where position > ? and position <= ? order by position fetch first " + PAGE + " rows only",
                Link.MAPPER, from, head.position()), Link::position));
        String previous = linkBefore;
        long eventsChecked = 0;
        long eventsUnlinked = 0;
        long lastLinked = after == Long.MIN_VALUE ? -1 : after;
        long read = 0;
        while (rows.hasNext() || links.hasNext()) {
            long position = Math.min(rows.hasNext() ? rows.peek().position() : Long.MAX_VALUE,
                    links.hasNext() ? links.peek().position() : Long.MAX_VALUE);
            EventRow row = rows.hasNext() && rows.peek().position() == position ? rows.next() : null;
            Link link = links.hasNext() && links.peek().position() == position ? links.next() : null;
            if (row != null && link == null && position > head.position()) {
                eventsUnlinked++;
                continue;
            }
            if (row != null) {
                eventsChecked++;
            }
            if (row != null && link == null) {
                findings.add(position, Kind.NOT_CHAINED, "an event with no link below the chain's head: it was put "
                        + "into the store after the events around it were linked, not appended by the exchange");
            } else if (row == null) {
                findings.add(position, Kind.MISSING, "the event linked at this position is gone");
            } else if (!EventChain.link(previous, row).equals(link.link())) {
                findings.add(position, Kind.MODIFIED, "the event is not what was linked at this position: it was "
                        + "changed or moved here, or the event before it was removed with its link");
            }
            while (!pending.isEmpty() && pending.peek().position() <= position) {
                Checkpoint checkpoint = pending.poll();
                if (link == null || checkpoint.position() != position || !checkpoint.link().equals(link.link())) {
                    findings.add(checkpoint.position(), Kind.CHECKPOINT_MISMATCH, "the chain's link here is not "
                            + "the one signed at " + checkpoint.signedAt() + ": the history up to this position "
                            + "was rewritten, links included, after the checkpoint before it");
                }
            }
            if (link != null) {
                previous = link.link();
                lastLinked = position;
            }
            if (++read % PAGE == 0) {
                progress.reached(position, last);
            }
        }
        for (Checkpoint beyond : pending) {
            findings.add(beyond.position(), Kind.CHECKPOINT_BEYOND_CHAIN, "the checkpoint signed at "
                    + beyond.signedAt() + " vouches for a position the chain no longer reaches: events were "
                    + "removed from its end");
        }
        if (head.position() != lastLinked || !head.link().equals(previous)) {
            findings.add(head.position(), Kind.HEAD_MISMATCH, "the head kept by the chain's linker (position "
                    + head.position() + ") is not the chain's last link (position " + lastLinked + ")");
        }
        progress.reached(last, last);
        // Nothing checked is nothing vouched for: a store with no event linked yet is not said to be intact.
        return new VerificationReport(findings.total == 0 && eventsChecked > 0, eventsChecked, eventsUnlinked, last,
                checkpoints.size(),
                findings.first(), findings.sorted(), findings.total, CheckpointKeys.keyId(key), clock.instant(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private record Link(long position, String link) {
        static final RowMapper<Link> MAPPER = (rs, i) -> new Link(rs.getLong(1), rs.getString(2));
    }

    private static final class Findings {
        private final List<ChainFinding> kept = new ArrayList<>();
        private long total;
        private Long first;

        void add(long position, Kind kind, String detail) {
            total++;
            first = first == null ? position : Math.min(first, position);
            if (kept.size() < MAX_FINDINGS) {
                kept.add(new ChainFinding(position, kind, detail));
            }
        }

        Long first() {
            return first;
        }

        List<ChainFinding> sorted() {
            return kept.stream().sorted(Comparator.comparingLong(ChainFinding::position)).toList();
        }
    }

    /** A table read page after page by position, as one iterator. */
    private static <T> Iterator<T> pages(long after, LongFunction<List<T>> pageAfter, ToLongFunction<T> position) {
        return new Iterator<>() {
            private Iterator<T> page = pageAfter.apply(after).iterator();
            private long lastPosition = after;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (page.hasNext()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                // A page of rows can be short of PAGE and not the last (its payload filled it): only an empty one ends.
                List<T> next = pageAfter.apply(lastPosition);
                exhausted = next.isEmpty();
                page = next.iterator();
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T item = page.next();
                lastPosition = position.applyAsLong(item);
                return item;
            }
        };
    }

    /** An iterator whose next element can be looked at before it is taken. */
    private static final class Peeking<T> implements Iterator<T> {
        private final Iterator<T> source;
        private T peeked;

        Peeking(Iterator<T> source) {
            this.source = source;
        }

        T peek() {
            if (peeked == null) {
                peeked = source.next();
            }
            return peeked;
        }

        @Override
        public boolean hasNext() {
            return peeked != null || source.hasNext();
        }

        @Override
        public T next() {
            T next = peek();
            peeked = null;
            return next;
        }
    }
}
