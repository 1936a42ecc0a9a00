package org.reciprocity.portal.pages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page types into an API path stays one segment of it: a value that would end the path, start a query or a
 * fragment, or climb a level reaches the API encoded, for it to refuse as the id it is.
 */
class PortalApiPathTest {

    @ParameterizedTest
    @CsvSource({
            "bank-a, /api/participants/bank-a/key",
            "bank-a?x, /api/participants/bank-a%3Fx/key",
            "bank-a#x, /api/participants/bank-a%23x/key",
            "../operator, /api/participants/..%2Foperator/key",
            "a/b, /api/participants/a%2Fb/key",
            "AMBER+STRICT, /api/participants/AMBER%2BSTRICT/key",
            "a b, /api/participants/a%20b/key"
    })
    void aValueIsEncodedWholeIntoItsSegment(String value, String path) {
        assertThat(PortalApi.path("/api/participants/{id}/key", value)).isEqualTo(path);
    }
}
