package org.reciprocity.portal;

class ExchangeOnPostgresTest extends PostgresExchangeTest implements ExchangeContract {
}
