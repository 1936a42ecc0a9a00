package org.reciprocity.portal;

class WhoReceivesWhatOnPostgresTest extends PostgresExchangeTest implements WhoReceivesWhatContract {

    @Override
    public ExchangeTestBase suite() {
        return this;
    }
}
