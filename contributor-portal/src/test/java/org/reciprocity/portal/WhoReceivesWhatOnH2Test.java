package org.reciprocity.portal;

class WhoReceivesWhatOnH2Test extends H2ExchangeTest implements WhoReceivesWhatContract {

    @Override
    public ExchangeTestBase suite() {
        return this;
    }
}
