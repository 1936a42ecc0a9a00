package org.reciprocity.core.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.participant.ApiKeyReissued;
import org.reciprocity.core.participant.ApiKeyRevoked;
import org.reciprocity.core.participant.DisclosureChosen;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantProfile;
import org.reciprocity.core.participant.ParticipantRegistered;
import org.reciprocity.core.participant.ParticipantReinstated;
import org.reciprocity.core.participant.ParticipantSuspended;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who the participants are and which key hash each acts with. Written in the same transaction as the registration
 * event (the {@code registries} processing group is subscribing), so a key works the moment its registration is
 * acknowledged, on every node.
 */
@Component
@ProcessingGroup(Registries.PROCESSING_GROUP)
public class ParticipantDirectory {

    private static final RowMapper<RegisteredParticipant> ROW = (rs, i) -> new RegisteredParticipant(
            new ParticipantProfile(rs.getString("participant_id"), ParticipantKind.valueOf(rs.getString("kind")),
                    rs.getString("name"), rs.getString("sector"), rs.getString("country")),
            SqlTime.instant(rs, "registered_at"), rs.getBoolean("named"), rs.getString("api_key_hash") != null,
            rs.getString("suspension_reason"));

    private final JdbcTemplate jdbc;

    ParticipantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ParticipantRegistered event, @Timestamp Instant registeredAt) {
        jdbc.update("insert into participant_directory (participant_id, kind, name, sector, country, api_key_hash, "
                        + "registered_at) values (?, ?, ?, ?, ?, ?, ?)",
                event.participantId(), event.kind().name(), event.name(), event.sector(), event.country(),
                event.apiKeyHash(), SqlTime.of(registeredAt));
    }

    @EventHandler
    void on(DisclosureChosen event) {
        jdbc.update("update participant_directory set named = ? where participant_id = ?", event.named(),
                event.participantId());
    }

    @EventHandler
    void on(ApiKeyReissued event) {
        jdbc.update("update participant_directory set api_key_hash = ? where participant_id = ?", event.apiKeyHash(),
                event.participantId());
    }

    // No hash matches once it is gone: the key stops working in the transaction that revokes it.
    @EventHandler
    void on(ApiKeyRevoked event) {
        jdbc.update("update participant_directory set api_key_hash = null where participant_id = ?",
                event.participantId());
    }

    // Refused from the transaction that suspends it: the key is kept, and works again once reinstated.
    @EventHandler
    void on(ParticipantSuspended event) {
        jdbc.update("update participant_directory set suspension_reason = ? where participant_id = ?",
                event.reason(), event.participantId());
    }

    @EventHandler
    void on(ParticipantReinstated event) {
        jdbc.update("update participant_directory set suspension_reason = null where participant_id = ?",
                event.participantId());
    }

    public Optional<RegisteredParticipant> findByApiKeyHash(String apiKeyHash) {
        return jdbc.query("select * from participant_directory where api_key_hash = ?", ROW, apiKeyHash)
                .stream().findFirst();
    }

    public Optional<RegisteredParticipant> find(String participantId) {
        // A text no participant can be named (a NUL in it, say) finds no one, and never reaches the database.
        if (!ParticipantProfile.isIdentifier(participantId)) {
            return Optional.empty();
        }
        return jdbc.query("select * from participant_directory where participant_id = ?", ROW, participantId)
                .stream().findFirst();
    }

    public List<RegisteredParticipant> all() {
        return jdbc.query("select * from participant_directory order by participant_id", ROW);
    }

    public List<RegisteredParticipant> all(ParticipantKind kind) {
        return jdbc.query("select * from participant_directory where kind = ? order by participant_id", ROW,
                kind.name());
    }

    public boolean hasAny(ParticipantKind kind) {
        Integer count = jdbc.queryForObject("select count(*) from participant_directory where kind = ?",
                Integer.class, kind.name());
        return count != null && count > 0;
    }

    /**
     * @param named     whether consumers may see who it is in what it contributed
     * @param keyActive whether it holds a key that works: not a pool's, nor one revoked and not reissued since
     * @param suspensionReason why it is suspended, its key refused everywhere; null while it is not
     */
    public record RegisteredParticipant(ParticipantProfile profile, Instant registeredAt, boolean named,
                                        boolean keyActive, String suspensionReason) {

        public boolean suspended() {
            return suspensionReason != null;
        }

        public String participantId() {
            return profile.participantId();
        }

        public ParticipantKind kind() {
            return profile.kind();
        }
    }
}
