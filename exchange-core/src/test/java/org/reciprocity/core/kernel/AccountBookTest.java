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
        assertThat(CreditExpiry.dueAt(book, "a", T0.plusSeconds(99))).isEmpty();
        assertThat(CreditExpiry.dueAt(book, "a", T0.plusSeconds(100)))
                .containsExactly(new CreditExpired("a", soon, Credit.of(1), T0.plusSeconds(100)));
        assertThat(book.availableAt("a", T0.plusSeconds(100))).isEqualTo(Credit.of(5));
        AccountBook afterExpiry = book.apply(new CreditExpired("a", soon, Credit.of(1), T0.plusSeconds(100)));
        assertThat(afterExpiry.balance()).isEqualTo(Credit.of(5));
        assertThat(CreditExpiry.dueAt(afterExpiry, "a", T0.plusSeconds(150))).isEmpty();
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

    private static CreditGranted grant(UUID id, long amount, Instant expiresAt) {
        return new CreditGranted(id, "a", "k-" + id, "f", Credit.of(amount), "r", expiresAt, "op", Credit.ZERO, T0);
    }
}
