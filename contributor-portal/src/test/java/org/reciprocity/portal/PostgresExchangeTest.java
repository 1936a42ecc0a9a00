package org.reciprocity.portal;

import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The exchange on a real PostgreSQL, shared by the tests that extend this (one Spring context for all of them). */
@SpringBootTest
@AutoConfigureMockMvc
abstract class PostgresExchangeTest extends ExchangeTestBase {

    static final String OPERATOR_KEY = "rx_operator-key-for-the-postgres-suite-0001";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "exchange_suite", OPERATOR_KEY);
    }

    @Override
    String operatorKey() {
        return OPERATOR_KEY;
    }
}
