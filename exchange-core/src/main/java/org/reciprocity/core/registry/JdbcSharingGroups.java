package org.reciprocity.core.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.kernel.Audiences;
import org.reciprocity.core.participant.ParticipantProfile;
import org.reciprocity.core.sharing.SharingGroupFormed;
import org.reciprocity.core.sharing.SharingGroupMemberAdded;
import org.reciprocity.core.sharing.SharingGroupMemberRemoved;
import org.reciprocity.core.sharing.SharingGroupTerms;
import org.reciprocity.core.sharing.SharingGroups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sharing groups as tables written in the transaction of their events. Groups are few (tens), so their terms are
 * read whole and applied by the kernel's {@link Audiences}, as the replay applies them to the same events.
 */
@Component
@ProcessingGroup(Registries.PROCESSING_GROUP)
public class JdbcSharingGroups implements SharingGroups {

    private final JdbcTemplate jdbc;

    JdbcSharingGroups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> groupsOf(String participantId, String sector, String country, Instant at) {
        Set<String> groups = new TreeSet<>(jdbc.queryForList("select m.group_id from sharing_group_member m join "
                + "sharing_group g on g.group_id = m.group_id where m.participant_id = ? and g.formed_at <= ? and "
                + "m.added_at <= ? and (m.removed_at is null or m.removed_at > ?)", String.class, participantId,
                SqlTime.of(at), SqlTime.of(at), SqlTime.of(at)));
        jdbc.query("select group_id, sectors, countries from sharing_group where formed_at <= ?", rs -> {
            SharingGroupTerms terms = new SharingGroupTerms(list(rs.getString("sectors")),
                    list(rs.getString("countries")));
            if (Audiences.takesIn(terms, sector, country)) {
                groups.add(rs.getString("group_id"));
            }
        }, SqlTime.of(at));
        return groups;
    }

    @Override
    public Set<String> unknownAmong(Collection<String> groupIds, Instant at) {
        Set<String> known = new HashSet<>(jdbc.queryForList("select group_id from sharing_group where formed_at <= ?",
                String.class, SqlTime.of(at)));
        Set<String> unknown = new LinkedHashSet<>(groupIds);
        unknown.removeAll(known);
        return unknown;
    }

    /** A group as it stands now, with the members it names now. */
    public Optional<FormedGroup> find(String groupId) {
        if (!ParticipantProfile.isIdentifier(groupId)) {
            return Optional.empty();
        }
        return groups("select * from sharing_group where group_id = ?", groupId).stream().findFirst();
    }

    /** Every group as it stands now, in id order. */
    public List<FormedGroup> all() {
        return groups("select * from sharing_group order by group_id");
    }

    @EventHandler
    void on(SharingGroupFormed event) {
        jdbc.update("insert into sharing_group (group_id, name, sectors, countries, formed_by, formed_at) values "
                        + "(?, ?, ?, ?, ?, ?)", event.groupId(), event.name(), String.join(",", event.sectors()),
                String.join(",", event.countries()), event.formedBy(), SqlTime.of(event.formedAt()));
        for (String member : event.members()) {
            jdbc.update("insert into sharing_group_member (group_id, participant_id, added_at) values (?, ?, ?)",
                    event.groupId(), member, SqlTime.of(event.formedAt()));
        }
    }

    @EventHandler
    void on(SharingGroupMemberAdded event) {
        jdbc.update("insert into sharing_group_member (group_id, participant_id, added_at) values (?, ?, ?)",
                event.groupId(), event.participantId(), SqlTime.of(event.addedAt()));
    }

    @EventHandler
    void on(SharingGroupMemberRemoved event) {
        jdbc.update("update sharing_group_member set removed_at = ? where group_id = ? and participant_id = ? and "
                + "removed_at is null", SqlTime.of(event.removedAt()), event.groupId(), event.participantId());
    }

    // The groups first, then their members: no query runs while another's rows are still being read.
    private List<FormedGroup> groups(String sql, Object... args) {
        List<FormedGroup> groups = jdbc.query(sql, (rs, i) -> new FormedGroup(rs.getString("group_id"),
                rs.getString("name"), new SharingGroupTerms(list(rs.getString("sectors")),
                list(rs.getString("countries"))), List.of(), rs.getString("formed_by"),
                SqlTime.instant(rs, "formed_at")), args);
        return groups.stream().map(group -> group.naming(jdbc.queryForList("select participant_id from "
                + "sharing_group_member where group_id = ? and removed_at is null order by added_at, participant_id",
                String.class, group.groupId()))).toList();
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    /**
     * @param members the participants it names now, in the order they were named; its terms take in others
     */
    public record FormedGroup(String groupId, String name, SharingGroupTerms terms, List<String> members,
                              String formedBy, Instant formedAt) {

        public FormedGroup {
            members = List.copyOf(members);
        }

        private FormedGroup naming(List<String> named) {
            return new FormedGroup(groupId, name, terms, named, formedBy, formedAt);
        }
    }
}
