package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.LotDraw;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountBookTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private final UUID forever = UUID.randomUUID();
    private final UUID later = UUID.randomUUID();
    private final UUID soon = UUID.randomUUID();

    private final AccountBook book = AccountBook.EMPTY
            .apply(grant(forever, 3, null))
            .apply(grant(later, 2, T0.plusSeconds(200)))
            .apply(grant(soon, 1, T0.plusSeconds(100)));

    @Test
    void theBalanceIsWhatIsLeftOfTheLots() {
        assertThat(book.balance()).isEqualTo(Credit.of(6));
    }

    @Test
    void drawingTakesFromTheLotsThatExpireSoonestThenTheLasting() {
        assertThat(book.draw(Credit.parse("4.5"))).containsExactly(new LotDraw(soon, Credit.of(1)),
                new LotDraw(later, Credit.of(2)), new LotDraw(forever, Credit.parse("1.5")));
        assertThatThrownBy(() -> book.draw(Credit.parse("6.001"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expiriesAreWhatIsLeftOfTheLotsPastTheirTime() {
        assertThat(CreditClock.dueAt(book, "a", T0.plusSeconds(99))).isEmpty();
        assertThat(CreditClock.dueAt(book, "a", T0.plusSeconds(100)))
                .containsExactly(new CreditExpired("a", soon, Credit.of(1), T0.plusSeconds(100)));
        assertThat(book.availableAt("a", T0.plusSeconds(100))).isEqualTo(Credit.of(5));
        AccountBook afterExpiry = book.apply(new CreditExpired("a", soon, Credit.of(1), T0.plusSeconds(100)));
        assertThat(afterExpiry.balance()).isEqualTo(Credit.of(5));
        assertThat(CreditClock.dueAt(afterExpiry, "a", T0.plusSeconds(150))).isEmpty();
    }

    /** The account counts its credit's moves by the book changing; a TAXII page's key depends on that count. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsThatMoveNoCredit")
    void anEventThatMovesNoCreditLeavesTheVeryBook(String what, AccountEvent event) {
        assertThat(book.apply(event)).isSameAs(book);
    }

    static Stream<Arguments> eventsThatMoveNoCredit() {
        Item ip = Item.normalised("ipv4", "192.0.2.1", 100, "GREEN", null, null, List.of());
        DrawCriteria any = new DrawCriteria(List.of(), null, null, 100);
        return Stream.of(
                Arguments.of("a grant of nothing", new CreditGranted(UUID.randomUUID(), "a", "k", "f", Credit.ZERO,
                        "r", null, "op", Credit.ZERO, T0)),
                Arguments.of("a refused withdrawal", new WithdrawalRefused(UUID.randomUUID(), "a", "a", "w", "f", any,
                        1, 1, Credit.of(1), Credit.ZERO, 1, T0, Coverage.WHOLE)),
                Arguments.of("a report", new ActedOnReported(UUID.randomUUID(), "a", "a", "r", "f", List.of(),
                        List.of(), T0)),
                Arguments.of("a withdrawal of free items only", new ItemsWithdrawn(UUID.randomUUID(), "a", "a", "w2",
                        "f", any, List.of(new DeliveredItem(ip, 0, Charge.ALREADY_RECEIVED)), 1L, Credit.ZERO,
                        List.of(), Credit.of(6), 1, T0)),
                Arguments.of("a contribution that earned nothing", new ItemsContributed(UUID.randomUUID(), "a", "a",
                        "k2", "f", List.of(new ItemCredit(ip, CreditRule.REPEAT, BigDecimal.ZERO, Credit.ZERO)), 0,
                        Credit.ZERO, null, Credit.of(6), 1, T0)));
    }

    @Test
    void aLotCannotGiveMoreThanItHolds() {
        assertThatThrownBy(() -> book.apply(new CreditExpired("a", soon, Credit.of(2), T0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPendingLotIsNeitherBalanceNorDrawnUntilItVests() {
        UUID held = UUID.randomUUID();
        AccountBook holding = book.apply(contribution(held, 4, null, T0.plusSeconds(50)));
        assertThat(holding.balance()).isEqualTo(Credit.of(6));
        assertThat(holding.pending()).isEqualTo(Credit.of(4));
        assertThat(holding.draw(Credit.of(6))).extracting(LotDraw::lotId).doesNotContain(held);
        assertThatThrownBy(() -> holding.draw(Credit.of(7))).isInstanceOf(IllegalArgumentException.class);
        assertThat(holding.availableAt("a", T0.plusSeconds(49))).isEqualTo(Credit.of(6));
        assertThat(holding.availableAt("a", T0.plusSeconds(50))).isEqualTo(Credit.of(10));
        assertThat(holding.pendingAt("a", T0.plusSeconds(50))).isEqualTo(Credit.ZERO);

        AccountBook vested = holding.apply(new CreditVested("a", held, Credit.of(4), T0.plusSeconds(50)));
        assertThat(vested.balance()).isEqualTo(Credit.of(10));
        assertThat(vested.pending()).isEqualTo(Credit.ZERO);
        assertThat(vested.draw(Credit.of(10))).extracting(LotDraw::lotId).contains(held);
    }

    @Test
    void whatIsDueVestsFirstInVestingOrderThenExpires() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        AccountBook holding = book.apply(contribution(second, 3, T0.plusSeconds(90), T0.plusSeconds(60)))
                .apply(contribution(first, 2, null, T0.plusSeconds(40)));
        assertThat(CreditClock.dueAt(holding, "a", T0.plusSeconds(39))).isEmpty();
        // The second lot vests and expires within the same wait: it vests, then what is left of it expires. Expiries
        // follow the order the lots were added in.
        assertThat(CreditClock.dueAt(holding, "a", T0.plusSeconds(100))).containsExactly(
                new CreditVested("a", first, Credit.of(2), T0.plusSeconds(40)),
                new CreditVested("a", second, Credit.of(3), T0.plusSeconds(60)),
                new CreditExpired("a", soon, Credit.of(1), T0.plusSeconds(100)),
                new CreditExpired("a", second, Credit.of(3), T0.plusSeconds(90)));
        assertThat(holding.availableAt("a", T0.plusSeconds(100))).isEqualTo(Credit.of(7));
    }

    @Test
    void aClawbackTakesFromPendingCreditFirstAndAVestingRepaysTheDebt() {
        UUID last = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        AccountBook holding = AccountBook.EMPTY.apply(grant(forever, 1, null))
                .apply(contribution(last, 2, null, T0.plusSeconds(80)))
                .apply(contribution(next, 2, null, T0.plusSeconds(40)));
        assertThat(holding.clawBack(Credit.of(4))).containsExactly(new LotDraw(next, Credit.of(2)),
                new LotDraw(last, Credit.of(2)));
        assertThat(holding.clawBack(Credit.of(9))).containsExactly(new LotDraw(next, Credit.of(2)),
                new LotDraw(last, Credit.of(2)), new LotDraw(forever, Credit.of(1)));
        assertThat(holding.without(holding.clawBack(Credit.of(3))).balance()).isEqualTo(Credit.of(1));

        // Owing 1.5: the lot that vests repays it before any of it can be drawn; the debt stays while it is pending.
        AccountBook owing = new AccountBook(holding.lots(), Credit.parse("1.5"));
        assertThat(owing.balance()).isEqualTo(Credit.of(1));
        AccountBook vested = owing.apply(new CreditVested("a", next, Credit.of(2), T0.plusSeconds(40)));
        assertThat(vested.debt()).isEqualTo(Credit.ZERO);
        assertThat(vested.balance()).isEqualTo(Credit.parse("1.5"));
        assertThat(vested.pending()).isEqualTo(Credit.of(2));
        AccountBook deeper = new AccountBook(holding.lots(), Credit.of(3))
                .apply(new CreditVested("a", next, Credit.of(2), T0.plusSeconds(40)));
        assertThat(deeper.debt()).isEqualTo(Credit.of(1));
        assertThat(deeper.lots()).extracting(AccountBook.Lot::lotId).containsExactly(forever, last);
    }

    @Test
    void onlyWhatIsLeftOfAPendingLotVests() {
        UUID held = UUID.randomUUID();
        AccountBook holding = book.apply(contribution(held, 4, null, T0.plusSeconds(50)));
        assertThatThrownBy(() -> holding.apply(new CreditVested("a", held, Credit.of(5), T0.plusSeconds(50))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> book.apply(new CreditVested("a", soon, Credit.of(1), T0.plusSeconds(50))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("drawable already");
    }

    private static ItemsContributed contribution(UUID id, long amount, Instant expiresAt, Instant vestsAt) {
        Item ip = Item.normalised("ipv4", "192.0.2." + amount, 100, "GREEN", null, null, List.of());
        return new ItemsContributed(id, "a", "a", "k-" + id, "f", List.of(new ItemCredit(ip, CreditRule.NEW,
                BigDecimal.ONE, Credit.of(amount))), 0, Credit.of(amount),
                new CreditLot(id, Credit.of(amount), expiresAt, vestsAt), Credit.ZERO, 1, T0);
    }

    private static CreditGranted grant(UUID id, long amount, Instant expiresAt) {
        return new CreditGranted(id, "a", "k-" + id, "f", Credit.of(amount), "r", expiresAt, "op", Credit.ZERO, T0);
    }
}
