package org.reciprocity.portal.store;

import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL, where every node appends and PostgreSQL's record of running transactions tells the open ones. */
@SpringBootTest
class AppendsSideBySideOnPostgresTest extends AppendsSideBySideContract {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "appends_side_by_side", "rx_operator-key-for-the-appends-test");
    }
}
