package org.reciprocity.portal;

class MemberPagesOnPostgresTest extends PostgresExchangeTest implements MemberPagesContract {
}
