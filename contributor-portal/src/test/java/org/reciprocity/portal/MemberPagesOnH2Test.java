package org.reciprocity.portal;

class MemberPagesOnH2Test extends H2ExchangeTest implements MemberPagesContract {
}
