package org.reciprocity.portal;

import org.junit.jupiter.api.Test;

/** Who receives what, on PostgreSQL. */
class WhoReceivesWhatOnPostgresTest extends PostgresExchangeTest {

    @Test
    void eachReaderDrawsWhatReachesItAndNothingElseOnEveryFeed() throws Exception {
        new WhoReceivesWhat(this).eachReaderDrawsWhatReachesItAndNothingElseOnEveryFeed();
    }

    @Test
    void aGroupReachesItsMembersAsTheyStandAtEachDrawAndRedNeverGoesToAGroup() throws Exception {
        new WhoReceivesWhat(this).aGroupReachesItsMembersAsTheyStandAtEachDrawAndRedNeverGoesToAGroup();
    }

    @Test
    void anAudienceTheExchangeCannotHonourIsRefusedAndNothingIsRecorded() {
        new WhoReceivesWhat(this).anAudienceTheExchangeCannotHonourIsRefusedAndNothingIsRecorded();
    }

    @Test
    void theSameItemSharedOpenlyAndNarrowlyShowsEachReaderOnlyWhatItsSharesSaid() {
        new WhoReceivesWhat(this).theSameItemSharedOpenlyAndNarrowlyShowsEachReaderOnlyWhatItsSharesSaid();
    }

    @Test
    void aPoolsMembersAreNotShownWhatReachedOneOfThemAlone() {
        new WhoReceivesWhat(this).aPoolsMembersAreNotShownWhatReachedOneOfThemAlone();
    }
}
