package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.LotDraw;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

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

    @Test
    void anEventThatMovesNoCreditLeavesTheVeryBook() {
        assertThat(book.apply(new CreditGranted(UUID.randomUUID(), "a", "k", "f", Credit.ZERO, "r", null, "op",
                Credit.ZERO, T0))).isSameAs(book);
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
