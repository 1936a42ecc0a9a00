package org.reciprocity.portal;

class NamedKeysOnPostgresTest extends PostgresExchangeTest implements NamedKeysContract {
}
