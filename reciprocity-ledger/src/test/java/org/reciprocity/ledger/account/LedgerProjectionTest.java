package org.reciprocity.ledger.account;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.Item;
import org.reciprocity.ledger.LedgerDatabase;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.ledger.Events.contributed;
import static org.reciprocity.ledger.Events.item;
import static org.reciprocity.ledger.Events.refused;
import static org.reciprocity.ledger.Events.withdrawn;

class LedgerProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final Item ip = item("ipv4", "192.0.2.1", "GREEN");
    private final Item domain = item("domain", "bad.example", "GREEN");
    private final Item hash = item("md5", "d41d8cd98f00b204e9800998ecf8427e", "RED");

    private LedgerProjection ledger;

    @BeforeEach
    void setUp() {
        ledger = new LedgerProjection(LedgerDatabase.fresh());
    }

    @Test
    void creditsAndDebitsMakeTheBalanceAndRefusalsOnlyCount() {
        ledger.on(contributed("bank-a", "k1", List.of(ip, domain, hash), List.of(), 3), T0, at(10));
        ledger.on(withdrawn("bank-a", "w1", List.of(ip, domain), 1), T0.plusSeconds(1), at(11));
        ledger.on(refused("bank-a", "w2", 5, 1), T0.plusSeconds(2), at(12));

        Balance balance = ledger.handle(new FindBalance("bank-a"));
        assertThat(balance).isEqualTo(new Balance("bank-a", 3, 2, 1, 1, 1, 1, 12, T0.plusSeconds(2)));
    }

    @Test
    void theStatementListsEachEntryWithItsCauseAndTheBalanceAfterIt() {
        var contribution = contributed("bank-a", "k1", List.of(ip, domain), List.of(hash), 2);
        var withdrawal = withdrawn("bank-a", "w1", List.of(ip), 1);
        var refusal = refused("bank-a", "w2", 4, 1);
        ledger.on(contribution, T0, at(10));
        ledger.on(withdrawal, T0.plusSeconds(1), at(11));
        ledger.on(refusal, T0.plusSeconds(2), at(12));

        assertThat(ledger.handle(new FindStatement("bank-a", -1, 10)).lines()).containsExactly(
                new StatementLine(10, T0, LedgerEntry.EntryType.CREDIT, 2, null, 2, LedgerEntry.Cause.CONTRIBUTION,
                        contribution.contributionId(), "k1", 3, 1),
                new StatementLine(11, T0.plusSeconds(1), LedgerEntry.EntryType.DEBIT, -1, null, 1,
                        LedgerEntry.Cause.WITHDRAWAL, withdrawal.withdrawalId(), "w1", 1, 1),
                new StatementLine(12, T0.plusSeconds(2), LedgerEntry.EntryType.REFUSAL, 0, 4L, 1,
                        LedgerEntry.Cause.WITHDRAWAL, refusal.withdrawalId(), "w2", 4, 1));
        assertThat(ledger.handle(new FindStatement("bank-a", 10, 1)).lines()).extracting(StatementLine::position)
                .containsExactly(11L);
    }

    @Test
    void accountsAreKeptApart() {
        ledger.on(contributed("bank-a", "k1", List.of(ip), List.of(), 1), T0, at(1));
        ledger.on(contributed("cert-my", "k1", List.of(domain, hash), List.of(ip), 2), T0, at(2));

        assertThat(ledger.handle(new FindBalance("bank-a")).balance()).isEqualTo(1);
        assertThat(ledger.handle(new FindBalance("cert-my")).balance()).isEqualTo(2);
        assertThat(ledger.handle(new FindStatement("cert-my", -1, 10)).lines()).hasSize(1);
    }

    @Test
    void anAccountWithoutEventsHasNothing() {
        assertThat(ledger.handle(new FindBalance("nobody"))).isEqualTo(Balance.empty("nobody"));
    }

    @Test
    void aResetForgetsEverythingSoThatAReplayStartsClean() {
        ledger.on(contributed("bank-a", "k1", List.of(ip), List.of(), 1), T0, at(1));
        ledger.reset();
        assertThat(ledger.handle(new FindBalance("bank-a"))).isEqualTo(Balance.empty("bank-a"));
        assertThat(ledger.handle(new FindStatement("bank-a", -1, 10)).lines()).isEmpty();
    }

    private static GlobalSequenceTrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }
}
