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
import org.reciprocity.core.sharing.KnownParticipants;
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
public class ParticipantDirectory implements KnownParticipants {

    private static final RowMapper<RegisteredParticipant> ROW = (rs, i) -> new RegisteredParticipant(
            new ParticipantProfile(rs.getString("participant_id"), ParticipantKind.valueOf(rs.getString("kind")),
                    rs.getString("name"), rs.getString("sector"), rs.getString("country")),
            SqlTime.instant(rs, "registered_at"), rs.getBoolean("named"), rs.getString("api_key_hash") != null,
            rs.getString("suspension_reason"), SqlTime.instant(rs, "api_key_expires_at"));

    private static final String BY_KEY = "select * from participant_directory where api_key_hash = ? "
            + "or previous_key_hash = ?";

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

    /**
     * The old key is kept beside the new one during the grace period, but never beyond its own expiry; a key kept
     * from an earlier rotation gives way at once. Without a grace period the old hash is gone in this transaction.
     */
    @EventHandler
    void on(ApiKeyReissued event) {
        Instant graceEnd = event.previousKeyWorksUntil();
        jdbc.update("update participant_directory set previous_key_hash = case when ? then api_key_hash end, "
                        + "previous_key_until = case when ? then case when api_key_expires_at < ? "
                        + "then api_key_expires_at else ? end end, "
                        + "api_key_hash = ?, api_key_expires_at = ? where participant_id = ?",
                graceEnd != null, graceEnd != null, SqlTime.of(graceEnd), SqlTime.of(graceEnd), event.apiKeyHash(),
                SqlTime.of(event.expiresAt()), event.participantId());
    }

    // No hash matches once it is gone: the key, and any old one in its grace period, stop in the transaction that
    // revokes them.
    @EventHandler
    void on(ApiKeyRevoked event) {
        jdbc.update("update participant_directory set api_key_hash = null, api_key_expires_at = null, "
                        + "previous_key_hash = null, previous_key_until = null where participant_id = ?",
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

    /** The holder of a key, its current one or one replaced and still in its grace period, whether or not it works. */
    public Optional<KeyHolder> findByApiKeyHash(String apiKeyHash) {
        return jdbc.query(BY_KEY, (rs, i) -> {
            boolean replaced = !apiKeyHash.equals(rs.getString("api_key_hash"));
            return new KeyHolder(ROW.mapRow(rs, i), replaced,
                    SqlTime.instant(rs, replaced ? "previous_key_until" : "api_key_expires_at"));
        }, apiKeyHash, apiKeyHash).stream().findFirst();
    }

    public Optional<RegisteredParticipant> find(String participantId) {
        // A text no participant can be named (a NUL in it, say) finds no one, and never reaches the database.
        if (!ParticipantProfile.isIdentifier(participantId)) {
            return Optional.empty();
        }
        return jdbc.query("select * from participant_directory where participant_id = ?", ROW, participantId)
                .stream().findFirst();
    }

    @Override
    public boolean isRegistered(String participantId) {
        return find(participantId).isPresent();
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
     * @param keyExpiresAt     when its key stops working; null for never
     */
    public record RegisteredParticipant(ParticipantProfile profile, Instant registeredAt, boolean named,
                                        boolean keyActive, String suspensionReason, Instant keyExpiresAt) {

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

    /**
     * Whom a key belongs to, and until when it works.
     *
     * @param replaced   whether it is the key a rotation replaced, working only until its grace period ends
     * @param worksUntil when it stops working: its expiry, or the end of its grace period; null for never
     */
    public record KeyHolder(RegisteredParticipant participant, boolean replaced, Instant worksUntil) {

        public boolean worksAt(Instant now) {
            return worksUntil == null || now.isBefore(worksUntil);
        }
    }
}
