package org.reciprocity.ledger.report;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.LedgerEntry;
import org.reciprocity.ledger.integrity.ChainFinding;
import org.reciprocity.ledger.integrity.VerificationReport;
import org.reciprocity.ledger.replay.AccountMovement;
import org.reciprocity.ledger.replay.Check;
import org.reciprocity.ledger.replay.Comparison;
import org.reciprocity.ledger.replay.ReplayResult;
import org.reciprocity.ledger.replay.ReplayScope;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPageTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private final Simulation exchange = new Simulation(T0, ReciprocityPolicy.INITIAL);
    private final Item ip = Item.normalised("ipv4", "192.0.2.1", 100, "GREEN", null, null, List.of());
    private final Item domain = Item.normalised("domain", "bad.example", 100, "GREEN", null, null, List.of());

    @Test
    void eachAccountGetsALinePerDayItsRefusalsAndItsBalanceAtTheDaysEnd() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip, domain));
        exchange.withdraw("cert-<x>", "cert-<x>", "refused", List.of(ip));
        exchange.advance(Duration.ofDays(1));
        exchange.grant("cert-<x>", "g1", Credit.of(3), null);
        exchange.withdraw("cert-<x>", "cert-<x>", "w1", List.of(ip, domain));

        List<AccountHistory> histories = timeline().histories();

        AccountHistory cert = histories.stream().filter(history -> history.accountId().equals("cert-<x>"))
                .findFirst().orElseThrow();
        assertThat(cert.days()).extracting(AccountHistory.Day::date, AccountHistory.Day::refusals,
                        AccountHistory.Day::granted, AccountHistory.Day::spent, AccountHistory.Day::balance)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-11-01"), 1, Credit.ZERO,
                                Credit.ZERO, Credit.ZERO),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-11-02"), 0, Credit.of(3),
                                Credit.of(2), Credit.of(1)));
        assertThat(cert.refusals()).extracting(AccountHistory.Refusal::requestKey).containsExactly("refused");
    }

    @Test
    void thePageStandsAloneShowsTheVerdictsAndEscapesWhatParticipantsWrote() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        exchange.withdraw("cert-<x>", "cert-<x>", "<script>alert(1)</script>", List.of(ip));
        VerificationReport altered = new VerificationReport(false, 3, 0, 3, 1, 2L, List.of(new ChainFinding(2,
                ChainFinding.Kind.MODIFIED, "changed")), 1, "abc", T0, 5);
        ReplayResult replay = new ReplayResult(ReplayScope.EVERYTHING, 3, 3, 3, List.of(), 1, List.of(), List.of(), 0,
                new Comparison(true, null, 2, 0, List.of()), T0, 10, 300);

        String page = ReportPage.render(new AuditReport(T0, altered, replay, timeline().histories()));

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("MODIFIED")
                .contains("1 finding(s); the first at position 2").contains("cert-&lt;x&gt;")
                .contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("src=")
                .doesNotContain("href=");
    }

    @Test
    void theReportSaysWhichChecksRanAndVouchesForCheckpointsOnlyWhenItHeldTheHistoryToThem() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip));
        ReplayResult replay = new ReplayResult(ReplayScope.EVERYTHING, 1, 1, 1, ReplayResult.checks(
                Map.of(Check.DELIVERY, 2L)), 1, List.of(), List.of(), 2, new Comparison(true, null, 1, 0, List.of()),
                T0, 10, 100);
        VerificationReport unheld = new VerificationReport(true, 1, 0, 1, 0, null, List.of(), 0, "abc", T0, 5);
        VerificationReport held = new VerificationReport(true, 1, 0, 1, 2, null, List.of(), 0, "abc", T0, 5);

        String withoutCheckpoints = ReportPage.render(new AuditReport(T0, unheld, replay, timeline().histories()));
        assertThat(withoutCheckpoints).contains("no signed checkpoint was checked").doesNotContain("matches the");
        assertThat(ReportPage.render(new AuditReport(T0, held, replay, timeline().histories())))
                .contains("matches the 2 signed checkpoint(s)");
        assertThat(withoutCheckpoints)
                .contains("<td class=\"l\">DELIVERY</td><td class=\"l\">" + Check.DELIVERY.description()
                        + "</td><td>2</td>")
                .contains("<td class=\"l\">EXPIRY</td><td class=\"l\">" + Check.EXPIRY.description()
                        + "</td><td>0</td>");
    }

    /** The movements of the simulated history, as a replay hands them to the timeline. */
    private Timeline timeline() {
        Timeline timeline = new Timeline();
        Map<String, Balance> balances = new HashMap<>();
        for (Simulation.Step step : exchange.history()) {
            step.accountEvent().flatMap(LedgerEntry::of).ifPresent(entry -> {
                Balance after = balances.getOrDefault(entry.accountId(), Balance.empty(entry.accountId()))
                        .plus(entry, step.position(), step.at());
                balances.put(entry.accountId(), after);
                timeline.count(new AccountMovement(step.position(), step.at(), entry, after));
            });
        }
        return timeline;
    }
}
