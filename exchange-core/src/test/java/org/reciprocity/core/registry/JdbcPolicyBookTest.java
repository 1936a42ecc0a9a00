package org.reciprocity.core.registry;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.policy.PolicyChangeRefusedException;
import org.reciprocity.core.policy.PolicyChanged;
import org.reciprocity.core.policy.PolicyNotAdoptedException;
import org.reciprocity.core.policy.PolicyNotice;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcPolicyBookTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration NOTICE = Duration.ofMinutes(10);

    private JdbcPolicyBook book;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        book = new JdbcPolicyBook(new JdbcTemplate(dataSource), new PolicyNotice(NOTICE));
        GenericEventMessage.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @AfterEach
    void restoreTheClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void beforeTheFirstPolicyNoDecisionCanBeTaken() {
        assertThatThrownBy(() -> book.inForceAt(NOW)).isInstanceOf(PolicyNotAdoptedException.class);
    }

    @Test
    void aChangeThatCommitsWithLessThanHalfTheNoticeLeftIsRefused() {
        live(change(1, Instant.EPOCH));

        assertThatThrownBy(() -> live(change(2, NOW.plus(NOTICE.dividedBy(2)).minusSeconds(1))))
                .isInstanceOf(PolicyChangeRefusedException.class);
        live(change(2, NOW.plus(NOTICE.dividedBy(2)).plusSeconds(1)));

        assertThat(book.versions()).extracting(ReciprocityPolicy::version).containsExactly(1, 2);
    }

    @Test
    void aChangeReadBackFromTheEventStoreIsRecordedHoweverLongAgoItCommitted() {
        live(change(1, Instant.EPOCH));
        PolicyChanged longAgo = change(2, NOW.minus(Duration.ofDays(30)));
        assertThatThrownBy(() -> live(longAgo)).isInstanceOf(PolicyChangeRefusedException.class);

        book.on(longAgo, new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(7),
                GenericEventMessage.asEventMessage(longAgo)));

        assertThat(book.inForceAt(NOW).version()).isEqualTo(2);
    }

    @Test
    void aReplacedVersionNeverApplies() {
        live(change(1, Instant.EPOCH));
        live(change(2, NOW.plus(Duration.ofDays(10))));
        live(new PolicyChanged(3, NOW.plus(Duration.ofDays(5)), PolicyRules.DEFAULT, "operator", "sooner",
                List.of(2)));

        assertThat(book.versions()).extracting(ReciprocityPolicy::version).containsExactly(1, 3);
        assertThat(book.latest()).map(ReciprocityPolicy::version).hasValue(3);
        assertThat(book.inForceAt(NOW.plus(Duration.ofDays(11))).version()).isEqualTo(3);
        assertThat(book.inForceAt(NOW.plus(Duration.ofDays(4))).version()).isEqualTo(1);
    }

    private void live(PolicyChanged change) {
        book.on(change, GenericEventMessage.asEventMessage(change));
    }

    private static PolicyChanged change(int version, Instant effectiveFrom) {
        return new PolicyChanged(version, effectiveFrom, PolicyRules.DEFAULT, "operator", "version " + version,
                List.of());
    }
}
