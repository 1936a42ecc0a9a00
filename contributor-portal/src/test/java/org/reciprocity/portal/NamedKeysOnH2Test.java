package org.reciprocity.portal;

class NamedKeysOnH2Test extends H2ExchangeTest implements NamedKeysContract {
}
