package org.reciprocity.portal;

class ExchangeOnH2Test extends H2ExchangeTest implements ExchangeContract {
}
