package org.reciprocity.portal;

import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.springframework.jdbc.core.JdbcTemplate;

class ExchangeOnPostgresTest extends PostgresExchangeTest implements ExchangeContract {

    @Override
    public ExchangeClient exchange() {
        return super.exchange();
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public ProjectionReplays projections() {
        return projections;
    }
}
