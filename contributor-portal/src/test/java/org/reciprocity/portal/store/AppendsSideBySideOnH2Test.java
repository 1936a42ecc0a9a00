package org.reciprocity.portal.store;

import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the embedded H2, where the process counts its own open appends. */
@SpringBootTest
class AppendsSideBySideOnH2Test extends AppendsSideBySideContract {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:appends-side-by-side;DB_CLOSE_DELAY=-1");
        properties.add("exchange.data-dir", () -> TestDatabases.dataDir("appends-side-by-side"));
    }
}
