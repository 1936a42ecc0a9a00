package org.reciprocity.portal.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.reciprocity.core.policy.PolicyChanged;
import org.reciprocity.core.policy.ReciprocityPolicy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a change of the policy would adopt, had it been sent: nothing is recorded.
 *
 * @param proposed the version the change would adopt, as {@code GET /api/policy} would then show it
 * @param base     the version it was drawn up against: the latest
 * @param changes  every term whose value differs from the base's, in the order the terms are shown
 * @param replaces the versions announced but not yet in force that would never apply
 */
record PolicyPreview(ReciprocityPolicy proposed, ReciprocityPolicy base, List<TermChange> changes,
                     List<ReciprocityPolicy> replaces) {

    static PolicyPreview of(PolicyChanged proposed, ReciprocityPolicy base, List<ReciprocityPolicy> standing,
                            ObjectMapper json) {
        List<TermChange> changes = new ArrayList<>();
        differences("", json.valueToTree(base.rules()), json.valueToTree(proposed.rules()), changes);
        return new PolicyPreview(proposed.policy(), base, changes, standing.stream()
                .filter(version -> proposed.replaces().contains(version.version())).toList());
    }

    /**
     * The terms are compared as the API shows them, so that each change is named as the caller reads the term:
     * {@code ratio}, or {@code tlpWeights.RED} inside a term of several values. A term left out of the JSON (a
     * lifetime of for ever) is null.
     */
    private static void differences(String path, JsonNode from, JsonNode to, List<TermChange> changes) {
        if (from.isObject() && to.isObject()) {
            Set<String> terms = new LinkedHashSet<>();
            from.fieldNames().forEachRemaining(terms::add);
            to.fieldNames().forEachRemaining(terms::add);
            for (String term : terms) {
                differences(path.isEmpty() ? term : path + "." + term, from.path(term), to.path(term), changes);
            }
        } else if (!same(from, to)) {
            changes.add(new TermChange(path, present(from), present(to)));
        }
    }

    // 0.5 and 0.50 are one weight.
    private static boolean same(JsonNode from, JsonNode to) {
        if (from.isNumber() && to.isNumber()) {
            return from.decimalValue().compareTo(to.decimalValue()) == 0;
        }
        return present(from).equals(present(to));
    }

    private static JsonNode present(JsonNode value) {
        return value.isMissingNode() ? NullNode.getInstance() : value;
    }

    /**
     * One term that would change: its name (a dotted path inside a term of several values) and both values, a value
     * left unset (a lifetime of for ever) written as null rather than left out.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TermChange(String term, JsonNode from, JsonNode to) {
    }
}
