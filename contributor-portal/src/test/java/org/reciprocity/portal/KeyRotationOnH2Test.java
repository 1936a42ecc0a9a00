package org.reciprocity.portal;

class KeyRotationOnH2Test extends H2ExchangeTest implements KeyRotationContract {
}
