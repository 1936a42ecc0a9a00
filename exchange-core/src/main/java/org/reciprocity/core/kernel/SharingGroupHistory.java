package org.reciprocity.core.kernel;

import org.reciprocity.core.sharing.SharingGroupFormed;
import org.reciprocity.core.sharing.SharingGroupMemberAdded;
import org.reciprocity.core.sharing.SharingGroupMemberRemoved;
import org.reciprocity.core.sharing.SharingGroupTerms;
import org.reciprocity.core.sharing.SharingGroups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sharing groups kept in memory from their events, in the order they were recorded: what the auditor's replay
 * evaluates audiences with, as of the instant of each decision.
 */
public final class SharingGroupHistory implements SharingGroups {

    private final Map<String, Group> groups = new HashMap<>();

    public void formed(SharingGroupFormed event) {
        Group group = new Group(event.formedAt(), event.terms());
        event.members().forEach(member -> group.spells.add(new Spell(member, event.formedAt())));
        groups.put(event.groupId(), group);
    }

    public void added(SharingGroupMemberAdded event) {
        Group group = groups.get(event.groupId());
        if (group != null) {
            group.spells.add(new Spell(event.participantId(), event.addedAt()));
        }
    }

    public void removed(SharingGroupMemberRemoved event) {
        Group group = groups.get(event.groupId());
        if (group != null) {
            group.spells.stream().filter(spell -> spell.member.equals(event.participantId()) && spell.until == null)
                    .forEach(spell -> spell.until = event.removedAt());
        }
    }

    @Override
    public Set<String> groupsOf(String participantId, String sector, String country, Instant at) {
        Set<String> member = new TreeSet<>();
        groups.forEach((id, group) -> {
            boolean belongs = Audiences.takesIn(group.terms, sector, country) || group.named(participantId, at);
            if (!group.formedAt.isAfter(at) && belongs) {
                member.add(id);
            }
        });
        return member;
    }

    @Override
    public Set<String> unknownAmong(Collection<String> groupIds, Instant at) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String id : groupIds) {
            Group group = groups.get(id);
            if (group == null || group.formedAt.isAfter(at)) {
                unknown.add(id);
            }
        }
        return unknown;
    }

    private static final class Group {
        private final Instant formedAt;
        private final SharingGroupTerms terms;
        private final List<Spell> spells = new ArrayList<>();

        private Group(Instant formedAt, SharingGroupTerms terms) {
            this.formedAt = formedAt;
            this.terms = terms;
        }

        private boolean named(String participantId, Instant at) {
            return spells.stream().anyMatch(spell -> spell.member.equals(participantId) && spell.covers(at));
        }
    }

    // A named member's time in the group: from when it was named until it was taken out, if it was.
    private static final class Spell {
        private final String member;
        private final Instant from;
        private Instant until;

        private Spell(String member, Instant from) {
            this.member = member;
            this.from = from;
        }

        private boolean covers(Instant at) {
            return !from.isAfter(at) && (until == null || until.isAfter(at));
        }
    }
}
