package org.reciprocity.portal;

class KeyRotationOnPostgresTest extends PostgresExchangeTest implements KeyRotationContract {
}
