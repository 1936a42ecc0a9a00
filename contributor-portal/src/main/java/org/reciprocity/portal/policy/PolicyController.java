package org.reciprocity.portal.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.policy.ChangePolicy;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.policy.PolicyChanged;
import org.reciprocity.core.policy.PolicyChanges;
import org.reciprocity.core.policy.PolicyNotice;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.security.Member;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The reciprocity policy: every version, and the changes operators make to it. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Policy", description = "The reciprocity policy's terms and versions")
class PolicyController {

    private final CommandGateway commands;
    private final PolicyBook policies;
    private final PolicyNotice notice;
    private final Clock clock;
    // The API's JSON, read into trees with decimals as written: compared term by term, and shown, a weight of 10 is
    // 10, not the 1E+1 a tree would otherwise make of it.
    private final ObjectMapper terms;

    PolicyController(CommandGateway commands, PolicyBook policies, PolicyNotice notice, Clock clock,
                     ObjectMapper json) {
        this.commands = commands;
        this.policies = policies;
        this.notice = notice;
        this.clock = clock;
        this.terms = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    @GetMapping("/api/policy")
    @Operation(summary = "The policy in force, and every version, scheduled ones included")
    PolicyView policy() {
        return new PolicyView(policies.inForceAt(clock.instant()).version(), policies.versions());
    }

    @PostMapping("/api/policy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Change the policy from an announced instant on (operators only)",
            description = "Terms left out keep their current values. Every credit and debit records the version "
                    + "it was computed under; a change never alters what was computed before it takes effect.")
    ReciprocityPolicy change(@AuthenticationPrincipal Member operator, @RequestBody PolicyChangeRequest request) {
        commands.sendAndWait(proposal(operator, request, policies.latest().orElseThrow()));
        return policies.latest().orElseThrow();
    }

    @PostMapping("/api/policy/previews")
    @Operation(summary = "What a change of the policy would adopt, recording nothing (operators only)",
            description = "The body of POST /api/policy, checked and decided as that change would be, with the same "
                    + "refusals: the version it would adopt, the version it was drawn up against, the terms that "
                    + "differ, and the versions announced but not yet in force that it would replace.")
    PolicyPreview preview(@AuthenticationPrincipal Member operator, @RequestBody PolicyChangeRequest request) {
        ReciprocityPolicy base = policies.latest().orElseThrow();
        PolicyChanged proposed = PolicyChanges.decide(proposal(operator, request, base), policies, clock.instant(),
                notice);
        return PolicyPreview.of(proposed, base, policies.versions(), terms);
    }

    /** The change a request asks for, its terms merged into the latest version's and checked sound. */
    private static ChangePolicy proposal(Member operator, PolicyChangeRequest request, ReciprocityPolicy current) {
        if (request.baseVersion() == null) {
            throw InvalidRequestException.of("baseVersion", "state the version this change was drawn up against; "
                    + "the latest is " + current.version());
        }
        PolicyRules was = current.rules();
        PolicyRules rules = new PolicyRules(
                or(request.newItemCredit(), credit("newItemCredit"), was.newItemCredit()),
                or(request.corroborationShare(), Function.identity(), was.corroborationShare()),
                merged("typeWeights", request.typeWeights(), was.typeWeights(), ItemType.class, ItemType::parse),
                merged("tlpWeights", request.tlpWeights(), was.tlpWeights(), Tlp.class, Tlp::parse),
                or(request.unknownConfidenceWeight(), Function.identity(), was.unknownConfidenceWeight()),
                or(request.confidenceFloor(), Function.identity(), was.confidenceFloor()),
                or(request.ratio(), Function.identity(), was.ratio()),
                request.creditLifetime() == null ? was.creditLifetime()
                        : duration("creditLifetime", request.creditLifetime(), "never"),
                or(request.costPerItem(), credit("costPerItem"), was.costPerItem()),
                or(request.actedOnBonus(), credit("actedOnBonus"), was.actedOnBonus()),
                or(request.contextShare(), Function.identity(), was.contextShare()),
                request.contextKindsCounted() == null ? was.contextKindsCounted() : request.contextKindsCounted(),
                or(request.sightingBonus(), credit("sightingBonus"), was.sightingBonus()),
                request.falsePositiveQuorum() == null ? was.falsePositiveQuorum() : request.falsePositiveQuorum(),
                request.vestingPeriod() == null ? was.vestingPeriod()
                        : duration("vestingPeriod", request.vestingPeriod(), "none"),
                lifetimes(request.itemLifetimes(), was.itemLifetimes()),
                or(request.decaySpeed(), Function.identity(), was.decaySpeed()),
                or(request.reputationWeight(), Function.identity(), was.reputationWeight()));
        return new ChangePolicy(request.baseVersion(), rules, request.effectiveFrom(), operator.participantId(),
                request.reason());
    }

    private static Function<BigDecimal, Credit> credit(String field) {
        return given -> Credit.input(field, given, PolicyRules.MAX_CREDIT);
    }

    private static <T> T or(BigDecimal given, Function<BigDecimal, T> conversion, T current) {
        return given == null ? current : conversion.apply(given);
    }

    private static <K extends Enum<K>> Map<K, BigDecimal> merged(String field, Map<String, BigDecimal> given,
                                                               Map<K, BigDecimal> current, Class<K> type,
                                                               Function<String, K> parse) {
        Map<K, BigDecimal> merged = new EnumMap<>(type);
        merged.putAll(current);
        if (given != null) {
            given.forEach((key, weight) -> {
                try {
                    merged.put(parse.apply(key), weight);
                } catch (InvalidInputException e) {
                    throw InvalidRequestException.of(field + "." + key, e.getMessage());
                }
            });
        }
        return merged;
    }

    // The types given take their new lifetimes, "never" taking one away; the others keep theirs.
    private static Map<ItemType, Duration> lifetimes(Map<String, String> given, Map<ItemType, Duration> current) {
        Map<ItemType, Duration> merged = new EnumMap<>(ItemType.class);
        merged.putAll(current);
        if (given != null) {
            given.forEach((key, text) -> {
                String field = "itemLifetimes." + key;
                ItemType type;
                try {
                    type = ItemType.parse(key);
                } catch (InvalidInputException e) {
                    throw InvalidRequestException.of(field, e.getMessage());
                }
                if (text == null) {
                    throw InvalidRequestException.of(field, "a lifetime is an ISO-8601 duration, or 'never'");
                }
                Duration lifetime = duration(field, text, "never");
                if (lifetime == null) {
                    merged.remove(type);
                } else {
                    merged.put(type, lifetime);
                }
            });
        }
        return merged;
    }

    /** A term given as an ISO-8601 duration, or as the word that leaves it unset. */
    private static Duration duration(String field, String text, String unset) {
        if (unset.equalsIgnoreCase(text.strip())) {
            return null;
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(field, "'" + text + "' is neither an ISO-8601 duration, as in P180D, "
                    + "nor '" + unset + "'");
        }
    }

    /** The policy's versions and which of them is in force now. */
    record PolicyView(int inForce, List<ReciprocityPolicy> versions) {
    }
}
