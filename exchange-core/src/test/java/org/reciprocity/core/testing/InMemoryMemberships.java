package org.reciprocity.core.testing;

import org.reciprocity.core.membership.MemberJoinedPool;
import org.reciprocity.core.membership.MemberLeftPool;
import org.reciprocity.core.membership.PoolMemberships;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pool memberships of a test, kept from the events the test feeds it; one thread, so nothing to hold. */
public class InMemoryMemberships implements PoolMemberships {

    private final Map<String, String> poolOf = new LinkedHashMap<>();

    public InMemoryMemberships joined(MemberJoinedPool joined) {
        poolOf.put(joined.memberId(), joined.poolId());
        return this;
    }

    public InMemoryMemberships left(MemberLeftPool left) {
        poolOf.remove(left.memberId());
        return this;
    }

    @Override
    public Optional<String> poolOf(String participantId) {
        return Optional.ofNullable(poolOf.get(participantId));
    }

    @Override
    public List<String> membersOf(String poolId) {
        return poolOf.entrySet().stream().filter(entry -> entry.getValue().equals(poolId)).map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public void hold(Collection<String> participantIds) {
    }
}
