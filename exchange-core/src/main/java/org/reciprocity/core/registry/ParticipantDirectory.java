package org.reciprocity.core.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.participant.ApiKeyIssued;
import org.reciprocity.core.participant.ApiKeyReissued;
import org.reciprocity.core.participant.ApiKeyRevoked;
import org.reciprocity.core.participant.ApiKeys;
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
 * Who the participants are and the hashes of the keys each acts with, one row per named key. Written in the same
 * transaction as the event that issues, replaces or revokes a key (the {@code registries} processing group is
 * subscribing), and read on every request with no cache in between, so a key works the moment its issue is
 * acknowledged, and stops the moment its revocation is, on every node.
 */
@Component
@ProcessingGroup(Registries.PROCESSING_GROUP)
public class ParticipantDirectory implements KnownParticipants {

    private static final RowMapper<RegisteredParticipant> ROW = (rs, i) -> new RegisteredParticipant(
            new ParticipantProfile(rs.getString("participant_id"), ParticipantKind.valueOf(rs.getString("kind")),
                    rs.getString("name"), rs.getString("sector"), rs.getString("country")),
            SqlTime.instant(rs, "registered_at"), rs.getBoolean("named"), rs.getInt("key_count") > 0,
            rs.getString("suspension_reason"), SqlTime.instant(rs, "default_key_expires_at"));

    private static final String KEY_SUMMARY = "(select count(*) from participant_key held "
            + "where held.participant_id = d.participant_id) as key_count, "
            + "(select held.expires_at from participant_key held where held.participant_id = d.participant_id "
            + "and held.key_name = '" + ApiKeys.DEFAULT_NAME + "') as default_key_expires_at";
    private static final String PARTICIPANTS = "select d.*, " + KEY_SUMMARY + " from participant_directory d";
    private static final String BY_KEY = "select d.*, " + KEY_SUMMARY + ", k.key_name, k.key_hash, k.expires_at, "
            + "k.previous_key_until from participant_key k join participant_directory d "
            + "on d.participant_id = k.participant_id where k.key_hash = ? or k.previous_key_hash = ?";

    private static final RowMapper<HeldKey> HELD_KEY = (rs, i) -> new HeldKey(rs.getString("key_name"),
            SqlTime.instant(rs, "issued_at"), SqlTime.instant(rs, "expires_at"), SqlTime.instant(rs, "rotated_at"),
            SqlTime.instant(rs, "previous_key_until"));

    private final JdbcTemplate jdbc;

    ParticipantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ParticipantRegistered event, @Timestamp Instant registeredAt) {
        jdbc.update("insert into participant_directory (participant_id, kind, name, sector, country, registered_at) "
                        + "values (?, ?, ?, ?, ?, ?)",
                event.participantId(), event.kind().name(), event.name(), event.sector(), event.country(),
                SqlTime.of(registeredAt));
        if (event.apiKeyHash() != null) {
            insertKey(event.participantId(), ApiKeys.DEFAULT_NAME, event.apiKeyHash(), null, registeredAt);
        }
    }

    @EventHandler
    void on(ApiKeyIssued event, @Timestamp Instant issuedAt) {
        insertKey(event.participantId(), event.keyName(), event.apiKeyHash(), event.expiresAt(), issuedAt);
    }

    @EventHandler
    void on(DisclosureChosen event) {
        jdbc.update("update participant_directory set named = ? where participant_id = ?", event.named(),
                event.participantId());
    }

    /**
     * The old key is kept beside the new one during the grace period, but never beyond its own expiry; a key kept
     * from an earlier rotation gives way at once. Without a grace period the old hash is gone in this transaction. A
     * default key given back after its revocation has no row to replace, and is issued anew.
     */
    @EventHandler
    void on(ApiKeyReissued event, @Timestamp Instant reissuedAt) {
        Instant graceEnd = event.previousKeyWorksUntil();
        int replaced = jdbc.update("update participant_key set previous_key_hash = case when ? then key_hash end, "
                        + "previous_key_until = case when ? then case when expires_at < ? "
                        + "then expires_at else ? end end, "
                        + "key_hash = ?, expires_at = ?, rotated_at = ? where participant_id = ? and key_name = ?",
                graceEnd != null, graceEnd != null, SqlTime.of(graceEnd), SqlTime.of(graceEnd), event.apiKeyHash(),
                SqlTime.of(event.expiresAt()), SqlTime.of(reissuedAt), event.participantId(), event.keyName());
        if (replaced == 0) {
            insertKey(event.participantId(), event.keyName(), event.apiKeyHash(), event.expiresAt(), reissuedAt);
        }
    }

    // No hash matches once its row is gone: the key, and any old one in its grace period, stop in the transaction
    // that revokes them; the participant's other keys are untouched.
    @EventHandler
    void on(ApiKeyRevoked event) {
        jdbc.update("delete from participant_key where participant_id = ? and key_name = ?", event.participantId(),
                event.keyName());
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

    private void insertKey(String participantId, String keyName, String apiKeyHash, Instant expiresAt,
                           Instant issuedAt) {
        jdbc.update("insert into participant_key (participant_id, key_name, key_hash, expires_at, issued_at) "
                + "values (?, ?, ?, ?, ?)", participantId, keyName, apiKeyHash, SqlTime.of(expiresAt),
                SqlTime.of(issuedAt));
    }

    /** The holder of a key, its current one or one replaced and still in its grace period, whether or not it works. */
    public Optional<KeyHolder> findByApiKeyHash(String apiKeyHash) {
        return jdbc.query(BY_KEY, (rs, i) -> {
            boolean replaced = !apiKeyHash.equals(rs.getString("key_hash"));
            return new KeyHolder(ROW.mapRow(rs, i), rs.getString("key_name"), replaced,
                    SqlTime.instant(rs, replaced ? "previous_key_until" : "expires_at"));
        }, apiKeyHash, apiKeyHash).stream().findFirst();
    }

    /** The keys a participant holds, by name: never their hashes. */
    public List<HeldKey> keys(String participantId) {
        return jdbc.query("select * from participant_key where participant_id = ? order by key_name", HELD_KEY,
                participantId);
    }

    public Optional<RegisteredParticipant> find(String participantId) {
        // A text no participant can be named (a NUL in it, say) finds no one, and never reaches the database.
        if (!ParticipantProfile.isIdentifier(participantId)) {
            return Optional.empty();
        }
        return jdbc.query(PARTICIPANTS + " where d.participant_id = ?", ROW, participantId)
                .stream().findFirst();
    }

    @Override
    public boolean isRegistered(String participantId) {
        return find(participantId).isPresent();
    }

    public List<RegisteredParticipant> all() {
        return jdbc.query(PARTICIPANTS + " order by d.participant_id", ROW);
    }

    public List<RegisteredParticipant> all(ParticipantKind kind) {
        return jdbc.query(PARTICIPANTS + " where d.kind = ? order by d.participant_id", ROW,
                kind.name());
    }

    public boolean hasAny(ParticipantKind kind) {
        Integer count = jdbc.queryForObject("select count(*) from participant_directory where kind = ?",
                Integer.class, kind.name());
        return count != null && count > 0;
    }

    /**
     * @param named     whether consumers may see who it is in what it contributed
     * @param keyActive whether it holds a key at all: not a pool, nor a participant whose keys were all revoked
     * @param suspensionReason why it is suspended, its keys refused everywhere; null while it is not
     * @param keyExpiresAt     when its {@value ApiKeys#DEFAULT_NAME} key stops working; null for never, or none
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
     * Whom a key belongs to, under which of its names, and until when it works.
     *
     * @param replaced   whether it is the key a rotation replaced, working only until its grace period ends
     * @param worksUntil when it stops working: its expiry, or the end of its grace period; null for never
     */
    public record KeyHolder(RegisteredParticipant participant, String keyName, boolean replaced, Instant worksUntil) {

        public boolean worksAt(Instant now) {
            return worksUntil == null || now.isBefore(worksUntil);
        }
    }

    /**
     * One of a participant's keys, as operators see it: its name and dates, never the key nor its hash.
     *
     * @param issuedAt              when the key under this name was issued; its rotations keep this date
     * @param expiresAt             when the key stops working; null for never
     * @param rotatedAt             when it was last replaced under its name; null while it is the one first issued
     * @param previousKeyWorksUntil until when the key it replaced keeps working beside it; null when it stopped
     */
    public record HeldKey(String name, Instant issuedAt, Instant expiresAt, Instant rotatedAt,
                          Instant previousKeyWorksUntil) {
    }
}
