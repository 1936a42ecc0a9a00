package org.reciprocity.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A database given by URL is used as given, with batched inserts rewritten, as the exchange's deployments run. */
class BenchDatabaseTest {

    @Test
    void batchedInsertsAreRewrittenWhateverTheUrlAlreadySays() {
        assertThat(BenchDatabase.at("jdbc:postgresql://db.example:5432/bench", "bench", "secret").url())
                .isEqualTo("jdbc:postgresql://db.example:5432/bench?reWriteBatchedInserts=true");
        assertThat(BenchDatabase.at("jdbc:postgresql://db.example/bench?sslmode=require", "bench", "secret").url())
                .isEqualTo("jdbc:postgresql://db.example/bench?sslmode=require&reWriteBatchedInserts=true");
    }

    @Test
    void aGivenDatabaseIsDescribedByItsUrlAndClosingItStopsNothing() throws Exception {
        BenchDatabase given = BenchDatabase.at("jdbc:postgresql://db.example/bench", "bench", "secret");
        assertThat(given.describe()).isEqualTo("jdbc:postgresql://db.example/bench?reWriteBatchedInserts=true");
        given.close();
    }
}
