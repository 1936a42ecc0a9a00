package org.reciprocity.core.policy;

import java.time.Instant;
import java.util.List;

/**
 * The rules a change of the policy is held to: drawn up against the latest version, announced at least the notice
 * ahead, and replacing the versions announced for its instant or later. Plain code over the versions as adopted, so
 * that the policy's aggregate, deciding with its own events, and an operator's preview, reading the policy table,
 * answer a change alike: the same version, or the same refusal.
 */
public final class PolicyChanges {

    private PolicyChanges() {
    }

    /**
     * @param versions the versions that apply or will apply; none before the first is adopted
     * @param now      the instant the change is decided at
     * @return the version the change adopts, with the versions it replaces
     * @throws PolicyChangeRefusedException when the change was drawn up against another version than the latest, or
     *                                      takes effect without notice
     */
    public static PolicyChanged decide(ChangePolicy change, PolicyBook versions, Instant now, PolicyNotice notice) {
        int latest = versions.latest().map(ReciprocityPolicy::version).orElse(0);
        if (change.baseVersion() != latest) {
            throw new PolicyChangeRefusedException("the policy is at version " + latest + " and this change was "
                    + "drawn up against version " + change.baseVersion() + ": review the current terms and send "
                    + "the change again");
        }
        Instant effectiveFrom = change.effectiveFrom();
        if (latest > 0) {
            Instant earliest = now.plus(notice.minimum());
            if (effectiveFrom.isBefore(earliest)) {
                throw new PolicyChangeRefusedException("a policy change takes effect at least " + notice.minimum()
                        + " after it is made, so that every node has it in time: effectiveFrom " + effectiveFrom
                        + " is before " + earliest);
            }
        }
        // Whatever is replaced takes effect at or after the new version, so at least the notice from now: no decision
        // has used it, and every node learns of the replacement before one could.
        List<Integer> replaced = versions.versions().stream()
                .filter(announced -> !announced.effectiveFrom().isBefore(effectiveFrom))
                .map(ReciprocityPolicy::version).toList();
        return new PolicyChanged(latest + 1, effectiveFrom, change.rules(), change.changedBy(), change.reason(),
                replaced);
    }
}
