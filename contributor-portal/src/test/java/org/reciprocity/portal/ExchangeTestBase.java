package org.reciprocity.portal;

import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** What every test of a running exchange holds: its API, its database and its projections. */
abstract class ExchangeTestBase {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionReplays projections;

    public ExchangeClient exchange() {
        return ExchangeClient.over(mvc, this::operatorKey);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public ProjectionReplays projections() {
        return projections;
    }

    /** The pool position the next item will follow, once the catalogue has taken in what was stored. */
    long poolEnd() {
        Projections.awaitCaughtUp(projections);
        Long end = jdbc.queryForObject("select max(pool_position) from catalogue_item", Long.class);
        return end == null ? 0 : end;
    }

    abstract String operatorKey();
}
