package org.reciprocity.core.kernel;

import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.event.ContextRule;
import org.reciprocity.core.event.ContextRuling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which context objects a contribution adds to the pool. An object is its sender's: the participant that first sent
 * its id owns it, as STIX makes an object its producer's, and only the owner adds versions of it. Anyone may send a
 * version the pool holds already (a report passed on as it was received): it is taken, and the version first sent
 * stands. A version of another participant's object is refused: else anyone could revoke or rewrite what a member
 * shared.
 */
public final class ContextAdmission {

    private ContextAdmission() {
    }

    /**
     * The ruling on each distinct version sent, in the contributor's order: an object sent twice in one contribution
     * counts once, the first standing, and a contribution may carry several versions of one object.
     */
    public static List<ContextRuling> rulings(List<ContextObject> sent, String contributorId, ContextFacts facts) {
        Map<String, ObjectFacts> known = new HashMap<>();
        Set<Version> seen = new HashSet<>();
        List<ContextRuling> rulings = new ArrayList<>();
        for (ContextObject object : sent) {
            if (!seen.add(new Version(object.id(), object.version()))) {
                continue;
            }
            ObjectFacts before = known.containsKey(object.id()) ? known.get(object.id())
                    : facts.of(object.id()).orElse(null);
            ContextRule rule = ruleFor(object, contributorId, before);
            rulings.add(new ContextRuling(rule.adds() ? object : object.withoutContent(), rule));
            if (rule.adds()) {
                Set<Instant> versions = new HashSet<>(before == null ? Set.of() : before.versions());
                versions.add(object.version());
                known.put(object.id(), new ObjectFacts(before == null ? contributorId : before.ownerId(), versions));
            }
        }
        return rulings;
    }

    static ContextRule ruleFor(ContextObject object, String contributorId, ObjectFacts before) {
        if (before == null) {
            return ContextRule.NEW;
        }
        if (before.versions().contains(object.version())) {
            return ContextRule.SAME_VERSION;
        }
        return before.ownerId().equals(contributorId) ? ContextRule.NEW_VERSION : ContextRule.ANOTHERS_OBJECT;
    }

    private record Version(String id, Instant modified) {
    }
}
