package org.reciprocity.portal.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.ledger.quality.AccountQuality;
import org.reciprocity.ledger.quality.FindQuality;
import org.reciprocity.ledger.quality.QualityRecords;
import org.reciprocity.portal.security.Member;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What each contributor's items came to: acted on, seen, reported false, judged false, retracted. A participant
 * reads its own account's record (its pool's, as a member); operators and auditors read every account's, the worst
 * first. As the ledger projects them, a moment behind the latest decision.
 */
@RestController
@Tag(name = "Quality", description = "Each contributor's record: what its items came to")
class QualityController {

    private final QueryGateway queries;
    private final AccountAccess access;

    QualityController(QueryGateway queries, AccountAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping(path = "/api/accounts/{accountId}/quality", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An account's quality record",
            description = "The items it contributed that earned credit; the reports of acting on them and of seeing "
                    + "them (one per consumer and item); the reports of them as false positives (one per reporting "
                    + "account and item); those judged false and those it retracted; and junkShare, the part of what "
                    + "it contributed that was judged false or retracted. Your own account or your pool's; operators "
                    + "and auditors read any.")
    AccountQuality quality(@AuthenticationPrincipal Member member, @PathVariable String accountId) {
        access.requireReader(member, accountId);
        access.requireAccount(accountId);
        return queries.query(new FindQuality(accountId), QualityRecords.class).join().accounts().stream().findFirst()
                .orElseGet(() -> AccountQuality.none(accountId));
    }

    @GetMapping(path = "/api/quality", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every account's quality record, the worst first (operators and auditors)",
            description = "The worst first: the largest junkShare, then the most reports of false positives. Accounts "
                    + "that have contributed nothing, and been reported for nothing, are not listed.")
    QualityRecords all() {
        return queries.query(new FindQuality(null), QualityRecords.class).join();
    }
}
