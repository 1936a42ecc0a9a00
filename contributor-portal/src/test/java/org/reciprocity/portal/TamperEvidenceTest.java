package org.reciprocity.portal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.chain.EventChain;
import org.reciprocity.core.chain.EventRow;
import org.reciprocity.ledger.integrity.ChainFinding.Kind;
import org.reciprocity.ledger.integrity.ChainFinding;
import org.reciprocity.ledger.integrity.ChainVerifier;
import org.reciprocity.ledger.integrity.Checkpoint;
import org.reciprocity.ledger.integrity.CheckpointPublisher;
import org.reciprocity.ledger.integrity.Checkpoints;
import org.reciprocity.ledger.integrity.VerificationReport;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.store.ChainLinker;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * Someone with write access to the database alters the event table directly: each way of doing it is found, at the
 * first position it touched. Its own database, as every test here tampers with the history (and puts it back).
 */
@SpringBootTest
// Used by this class alone: closed when it is done rather than at the end of the run.
@DirtiesContext
@AutoConfigureMockMvc
class TamperEvidenceTest extends ExchangeTestBase {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-tamper-evidence-test";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "tamper_evidence", OPERATOR_KEY);
        // The tests link when they mean to, not the linker's schedule while they tamper.
        properties.add("exchange.audit.link-interval", () -> "3600000");
    }

    @Autowired
    ChainVerifier verifier;
    @Autowired
    CheckpointPublisher publisher;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    ChainLinker linker;

    private long middle;
    private long last;

    @Override
    String operatorKey() {
        return OPERATOR_KEY;
    }

    @BeforeEach
    void aHistoryWithACheckpoint() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        Participant cert = exchange.register("agency");
        exchange.contribute(bank, "k1", List.of(item("ipv4", "192.0.2.1", "GREEN"), item("domain",
                "bad.example", "GREEN")));
        exchange.contribute(cert, "k2", List.of(item("ipv4", "192.0.2.2", "GREEN")));
        exchange.withdraw(cert, "w1", Map.of("limit", 1));
        linker.linkSettled();
        publisher.publish();
        List<Long> positions = jdbc.queryForList("select global_index from domain_event_entry order by global_index",
                Long.class);
        middle = positions.get(positions.size() / 2);
        last = positions.get(positions.size() - 1);
        VerificationReport untouched = verify();
        assertThat(untouched.intact()).as("the untouched history: %s", untouched).isTrue();
    }

    @Test
    void aModifiedEventIsFoundAtItsPosition() {
        byte[] original = payloadAt(middle);
        String altered = new String(original, StandardCharsets.UTF_8).replace("\"", "'");
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                altered.getBytes(StandardCharsets.UTF_8), middle);
        try {
            VerificationReport report = verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBadPosition()).isEqualTo(middle);
            assertThat(report.findings()).extracting(ChainFinding::position, ChainFinding::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(middle, Kind.MODIFIED));
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, middle);
        }
        assertThat(verify().intact()).isTrue();
    }

    /**
     * Large contributions are read a few rows at a time (a page holds 16 MB of payload, not a thousand rows of up to
     * 10,000 items each), and every page is checked: an event changed beyond the first page is found at its position.
     */
    @Test
    void eventsTooLargeForOnePageAreEachChecked() {
        Participant feed = exchange().register("firm");
        String path = "/gate.php?campaign=" + "x".repeat(3_800);
        for (int batch = 0; batch < 4; batch++) {
            int first = batch * 3_000;
            exchange().contribute(feed, "dump-" + batch, IntStream.range(first, first + 3_000)
                    .mapToObj(n -> item("url", "https://c2-" + n + ".example.net" + path, "GREEN")).toList());
        }
        linker.linkSettled();
        long lastLarge = jdbc.queryForObject("select max(global_index) from domain_event_entry where payload_type "
                + "like '%ItemsContributed' and octet_length(payload) > 4000000", Long.class);
        long payloadBefore = jdbc.queryForObject("select sum(octet_length(payload) + coalesce(octet_length(meta_data),"
                + " 0)) from domain_event_entry where global_index < ?", Long.class, lastLarge);
        assertThat(payloadBefore).as("the event lies beyond the second page").isGreaterThan(2 * (16L << 20));
        VerificationReport whole = verify();
        assertThat(whole.intact()).as(whole.findings().toString()).isTrue();
        assertThat(whole.eventsChecked()).isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry",
                Long.class));

        byte[] original = payloadAt(lastLarge);
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                new String(original, StandardCharsets.UTF_8).replace("c2-", "c3-").getBytes(StandardCharsets.UTF_8),
                lastLarge);
        try {
            VerificationReport report = verify();
            assertThat(report.firstBadPosition()).isEqualTo(lastLarge);
            assertThat(report.findings()).extracting(ChainFinding::kind).containsExactly(Kind.MODIFIED);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, lastLarge);
        }
    }

    @Test
    void aDeletedEventIsFoundAtItsPosition() {
        EventRow row = rowAt(middle);
        jdbc.update("delete from domain_event_entry where global_index = ?", middle);
        try {
            VerificationReport report = verify();
            assertThat(report.firstBadPosition()).isEqualTo(middle);
            assertThat(report.findings()).extracting(ChainFinding::kind).containsExactly(Kind.MISSING);
        } finally {
            insert(row);
        }
        assertThat(verify().intact()).isTrue();
    }

    /**
     * An event put at the end of the store before the linker reaches it reads as an append, and is not yet checked;
     * the signed checkpoints vouch only for what was linked when they were signed.
     */
    @Test
    void anEventNotYetLinkedIsNotCheckedNorSaidToBeAltered() {
        EventRow row = rowAt(middle);
        long forged = last + 1;
        insert(new EventRow(forged, "forged-" + forged, row.aggregateIdentifier(), 999_999, row.type(),
                row.timeStamp(), row.payloadType(), row.payloadRevision(), row.payload(), row.metaData()));
        try {
            VerificationReport report = verify();
            assertThat(report.intact()).isTrue();
            assertThat(report.eventsUnlinked()).isEqualTo(1);
            assertThat(report.lastPosition()).isEqualTo(forged);
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = ?", forged);
        }
    }

    @Test
    void twoSwappedEventsAreFoundAtTheFirstOfThem() {
        long earlier = middle - 1;
        jdbc.update("update domain_event_entry set global_index = -1 where global_index = ?", earlier);
        jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", earlier, middle);
        jdbc.update("update domain_event_entry set global_index = ? where global_index = -1", middle);
        try {
            VerificationReport report = verify();
            assertThat(report.firstBadPosition()).isEqualTo(earlier);
            assertThat(report.findings()).extracting(ChainFinding::position, ChainFinding::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(earlier, Kind.MODIFIED),
                    org.assertj.core.groups.Tuple.tuple(middle, Kind.MODIFIED));
        } finally {
            jdbc.update("update domain_event_entry set global_index = -1 where global_index = ?", earlier);
            jdbc.update("update domain_event_entry set global_index = ? where global_index = ?", earlier, middle);
            jdbc.update("update domain_event_entry set global_index = ? where global_index = -1", middle);
        }
        assertThat(verify().intact()).isTrue();
    }

    /**
     * An append that rolled back leaves its number unused; the linker waits at it until no append still open could
     * fill it, then links on. An event put into that number afterwards lies below the chain's head without a link.
     */
    @Test
    void anEventInsertedIntoANumberAnAppendLeftUnusedIsFound() {
        long unused = jdbc.queryForObject("select nextval('domain_event_entry_seq')", Long.class);
        exchange().register("firm");
        // The linker passes the number once no append open when it first met it is still running: the
        // processors' own transactions may keep it waiting a moment.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            linker.linkSettled();
            assertThat(jdbc.queryForObject("select position from chain_head", Long.class))
                    .as("the linker passed the number no append used").isGreaterThan(unused);
        });
        assertThat(verify().intact()).isTrue();

        EventRow row = rowAt(middle);
        insert(new EventRow(unused, "forged-" + unused, row.aggregateIdentifier(), 999_998, row.type(),
                row.timeStamp(), row.payloadType(), row.payloadRevision(), row.payload(), row.metaData()));
        try {
            VerificationReport report = verify();
            assertThat(report.findings()).extracting(ChainFinding::position, ChainFinding::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(unused, Kind.NOT_CHAINED));
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = ?", unused);
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void anEventInsertedBelowTheFirstPositionIsFound() {
        EventRow row = rowAt(middle);
        insert(new EventRow(-5, "forged-below", row.aggregateIdentifier(), 999_997, row.type(), row.timeStamp(),
                row.payloadType(), row.payloadRevision(), row.payload(), row.metaData()));
        try {
            assertThat(verify().findings()).extracting(ChainFinding::position, ChainFinding::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(-5L, Kind.NOT_CHAINED));
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = -5");
        }
    }

    @Test
    void aChainWhoseLinksNoLongerFollowIsNeverSigned() {
        exchange().register("firm");
        linker.linkSettled();
        long head = jdbc.queryForObject("select position from chain_head", Long.class);
        byte[] original = payloadAt(head);
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                new String(original, StandardCharsets.UTF_8).replace("\"", "'").getBytes(StandardCharsets.UTF_8),
                head);
        try {
            publisher.publish();
            assertThat(checkpoints.all()).extracting(Checkpoint::position).as("nothing signed over the alteration")
                    .doesNotContain(head);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, head);
        }
        publisher.publish();
        assertThat(checkpoints.all()).extracting(Checkpoint::position).contains(head);
    }

    /** The careful forger rewrites the links too; the signed checkpoint is what it cannot rewrite. */
    @Test
    void aRewrittenChainIsGivenAwayByTheCheckpoint() {
        byte[] original = payloadAt(middle);
        List<Map<String, Object>> links = jdbc.queryForList("select position, link from event_chain order by position");
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                new String(original, StandardCharsets.UTF_8).replace("\"", "'").getBytes(StandardCharsets.UTF_8),
                middle);
        relinkFrom(middle);
        try {
            VerificationReport report = verify();
            List<Long> vouchingAfter = checkpoints.all().stream().map(Checkpoint::position)
                    .filter(position -> position >= middle).toList();
            assertThat(report.findings()).extracting(ChainFinding::kind).containsOnly(Kind.CHECKPOINT_MISMATCH);
            assertThat(report.findings()).extracting(ChainFinding::position)
                    .as("every checkpoint from the altered event on").containsExactlyElementsOf(vouchingAfter);
            assertThat(report.firstBadPosition()).isEqualTo(vouchingAfter.get(0));
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, middle);
            links.forEach(link -> jdbc.update("update event_chain set link = ? where position = ?", link.get("link"),
                    link.get("position")));
            jdbc.update("update chain_head set link = ? where id = 1", links.get(links.size() - 1).get("link"));
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void eventsCutFromTheEndAreGivenAwayByTheCheckpoint() {
        EventRow row = rowAt(last);
        String link = jdbc.queryForObject("select link from event_chain where position = ?", String.class, last);
        jdbc.update("delete from domain_event_entry where global_index = ?", last);
        jdbc.update("delete from event_chain where position = ?", last);
        relinkFrom(last);
        try {
            VerificationReport report = verify();
            assertThat(report.findings()).extracting(ChainFinding::kind)
                    .containsExactly(Kind.CHECKPOINT_BEYOND_CHAIN);
        } finally {
            insert(row);
            jdbc.update("insert into event_chain (position, link) values (?, ?)", last, link);
            jdbc.update("update chain_head set position = ?, link = ? where id = 1", last, link);
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aForgedCheckpointIsRefused() {
        Checkpoint kept = checkpoints.all().get(0);
        Checkpoint forged = new Checkpoint(kept.position(), "f".repeat(64), kept.signedAt(), kept.keyId(),
                kept.signature());
        VerificationReport report = verifier.verify(List.of(forged), publisher.keys().publicKey(), (p, l) -> { });
        assertThat(report.findings()).extracting(ChainFinding::kind)
                .containsExactlyInAnyOrder(Kind.BAD_SIGNATURE, Kind.CHECKPOINT_MISMATCH);
    }

    private VerificationReport verify() {
        return verifier.verify(checkpoints.all(), publisher.keys().publicKey(), (position, lastPosition) -> { });
    }

    /** What a forger with the algorithm would do: recompute every link from a position on, and the head. */
    private void relinkFrom(long position) {
        String previous = jdbc.queryForList("select link from event_chain where position < ? order by position desc",
                String.class, position).stream().findFirst().orElse(EventChain.GENESIS);
        long head = -1;
        for (EventRow row : jdbc.query("select global_index, event_identifier, aggregate_identifier, sequence_number, "
                + "type, time_stamp, payload_type, payload_revision, payload, meta_data from domain_event_entry "
                + "where global_index >= ? order by global_index", ROW, position)) {
            previous = EventChain.link(previous, row);
            jdbc.update("update event_chain set link = ? where position = ?", previous, row.position());
            head = row.position();
        }
        if (head < 0) {
            head = jdbc.queryForObject("select max(position) from event_chain", Long.class);
        }
        jdbc.update("update chain_head set position = ?, link = ? where id = 1", head, previous);
    }

    private static final org.springframework.jdbc.core.RowMapper<EventRow> ROW = (rs, i) -> new EventRow(
            rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
            rs.getLong("sequence_number"), rs.getString("type"), rs.getString("time_stamp"),
            rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
            rs.getBytes("meta_data"));

    private EventRow rowAt(long position) {
        return jdbc.query("select * from domain_event_entry where global_index = ?", ROW, position).get(0);
    }

    private byte[] payloadAt(long position) {
        return rowAt(position).payload();
    }

    private void insert(EventRow row) {
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.position(), row.eventIdentifier(),
                row.aggregateIdentifier(), row.sequenceNumber(), row.type(), row.timeStamp(), row.payloadType(),
                row.payloadRevision(), row.payload(), row.metaData());
    }
}
