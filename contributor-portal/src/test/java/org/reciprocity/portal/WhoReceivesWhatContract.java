package org.reciprocity.portal;

import org.junit.jupiter.api.Test;

/** Who receives what ({@link WhoReceivesWhat}), run on each store the exchange supports. */
interface WhoReceivesWhatContract {

    /** The running exchange the scenarios use. */
    ExchangeTestBase suite();

    @Test
    default void eachReaderDrawsWhatReachesItAndNothingElseOnEveryFeed() throws Exception {
        new WhoReceivesWhat(suite()).eachReaderDrawsWhatReachesItAndNothingElseOnEveryFeed();
    }

    @Test
    default void aGroupReachesItsMembersAsTheyStandAtEachDrawAndRedNeverGoesToAGroup() throws Exception {
        new WhoReceivesWhat(suite()).aGroupReachesItsMembersAsTheyStandAtEachDrawAndRedNeverGoesToAGroup();
    }

    @Test
    default void anAudienceTheExchangeCannotHonourIsRefusedAndNothingIsRecorded() {
        new WhoReceivesWhat(suite()).anAudienceTheExchangeCannotHonourIsRefusedAndNothingIsRecorded();
    }

    @Test
    default void theSameItemSharedOpenlyAndNarrowlyShowsEachReaderOnlyWhatItsSharesSaid() {
        new WhoReceivesWhat(suite()).theSameItemSharedOpenlyAndNarrowlyShowsEachReaderOnlyWhatItsSharesSaid();
    }

    @Test
    default void aPoolsMembersAreNotShownWhatReachedOneOfThemAlone() {
        new WhoReceivesWhat(suite()).aPoolsMembersAreNotShownWhatReachedOneOfThemAlone();
    }
}
