package org.reciprocity.portal.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.messaging.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** The status resources of objects added through TAXII, kept so that a client can ask again later. */
@Component
class TaxiiStatuses {

    private final JdbcTemplate jdbc;

    TaxiiStatuses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a status; the same request answered again keeps the first. */
    void keep(String statusId, String participantId, Instant at, ObjectNode status) {
        jdbc.update("insert into taxii_status (status_id, participant_id, created, body) select ?, ?, ?, ? "
                        + "where not exists (select 1 from taxii_status where status_id = ?)", statusId, participantId,
                SqlTime.of(at), EventJson.write(status), statusId);
    }

    /** A status, to the participant whose request it answers only. */
    Optional<JsonNode> find(String statusId, String participantId) {
        return jdbc.query("select body from taxii_status where status_id = ? and participant_id = ?",
                (rs, i) -> EventJson.read(rs.getString(1), JsonNode.class), statusId, participantId).stream()
                .findFirst();
    }
}
