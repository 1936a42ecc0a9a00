package org.reciprocity.core.testing;

import org.reciprocity.core.membership.MemberJoinedPool;
import org.reciprocity.core.membership.MemberLeftPool;
import org.reciprocity.core.membership.PoolMemberships;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pool memberships of a test, kept from the events the test feeds it. */
public class InMemoryMemberships implements PoolMemberships {

    private final Map<String, String> poolOf = new LinkedHashMap<>();

    public InMemoryMemberships apply(Object... events) {
        for (Object event : events) {
            if (event instanceof MemberJoinedPool joined) {
                poolOf.put(joined.memberId(), joined.poolId());
            } else if (event instanceof MemberLeftPool left) {
                poolOf.remove(left.memberId());
            }
        }
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
}
