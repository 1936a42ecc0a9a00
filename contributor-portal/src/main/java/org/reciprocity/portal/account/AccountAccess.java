package org.reciprocity.portal.account;

import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.portal.problem.ForbiddenException;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.springframework.stereotype.Component;

/**
 * Who may read or act on an account: its holder, the members of a pool for the pool's account, operators and
 * auditors for any. An account exists for every registered firm, agency and pool.
 */
@Component
public class AccountAccess {

    private final ParticipantDirectory directory;
    private final PoolMemberships memberships;

    AccountAccess(ParticipantDirectory directory, PoolMemberships memberships) {
        this.directory = directory;
        this.memberships = memberships;
    }

    /** @throws NotFoundException when no registered participant holds an account under this id */
    public void requireAccount(String accountId) {
        boolean holdsAccount = directory.find(accountId).map(participant -> participant.kind().holdsAccount())
                .orElse(false);
        if (!holdsAccount) {
            throw new NotFoundException("no account '" + accountId + "': only registered firms, agencies and pools "
                    + "hold one");
        }
    }

    /** @throws ForbiddenException when the member may not read the account */
    public void requireReader(Member member, String accountId) {
        boolean own = member.participantId().equals(accountId)
                || memberships.poolOf(member.participantId()).map(accountId::equals).orElse(false);
        if (!own && !member.isOperatorOrAuditor()) {
            throw new ForbiddenException("a participant reads only its own account, or its pool's");
        }
        requireAccount(accountId);
    }
}
