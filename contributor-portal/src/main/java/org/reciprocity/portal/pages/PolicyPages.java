package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The policy editor: the terms in force and those scheduled, a form holding the latest terms, and before a change
 * is sent, the API's preview of it: each term that would change, from what to what, and what it would replace.
 */
@Controller
@RequestMapping("/portal/operator/policy")
class PolicyPages {

    /** The policy's single-valued terms, as the API names them, with what the form calls them. */
    static final Map<String, String> TERMS = terms();
    // The terms that are durations, each with the word that leaves it unset, in the API and in the form.
    static final Map<String, String> UNSET_DURATIONS = Map.of("creditLifetime", "never", "vestingPeriod", "none");
    // What an item type without a lifetime shows, and what takes a type's lifetime away.
    private static final String NEVER = "never";
    private static final String LIFETIMES = "itemLifetimes.";

    private final PortalApi api;

    /** The word that leaves a duration term unset, as the form writes it; null when the term is no duration. */
    static String unsetDuration(String term) {
        return term.startsWith(LIFETIMES) ? NEVER : UNSET_DURATIONS.get(term);
    }

    PolicyPages(PortalApi api) {
        this.api = api;
    }

    @GetMapping
    String editor(@AuthenticationPrincipal SignedIn who, Model model) {
        JsonNode policy = api.get(who, "/api/policy", Map.of());
        JsonNode latest = policy.path("versions").get(policy.path("versions").size() - 1);
        model.addAttribute("policy", AnswerView.of(policy));
        model.addAttribute("latest", AnswerView.of(latest));
        model.addAttribute("terms", TERMS);
        model.addAttribute("termNames", termNames());
        model.addAttribute("types", Forms.TYPES);
        model.addAttribute("tlps", Forms.TLPS);
        if (!model.containsAttribute("proposal")) {
            model.addAttribute("proposal", proposalOf(latest));
        }
        return "portal/operator/policy";
    }

    @PostMapping("/preview")
    String preview(@AuthenticationPrincipal SignedIn who, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> change = change(form);
        model.addAttribute("proposal", form);
        try {
            model.addAttribute("preview", AnswerView.of(api.send(who, HttpMethod.POST, "/api/policy/previews", change,
                    null)));
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
        }
        return editor(who, model);
    }

    @PostMapping
    String change(@AuthenticationPrincipal SignedIn who, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes notice) {
        try {
            JsonNode version = api.send(who, HttpMethod.POST, "/api/policy", change(form), null);
            notice.addFlashAttribute("notice", "Policy version " + version.path("version").asText()
                    + " is scheduled from " + Formats.at(version.path("effectiveFrom").asText()) + ".");
            return "redirect:/portal/operator/policy";
        } catch (ApiRefusal refusal) {
            model.addAttribute("proposal", form);
            model.addAttribute("refusal", refusal);
            return editor(who, model);
        }
    }

    /** The change the form describes, in the API's terms; a term left empty is left out, and keeps its value. */
    private static Map<String, Object> change(Map<String, String> form) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("baseVersion", Forms.number(form.getOrDefault("baseVersion", "")));
        String effective = form.getOrDefault("effectiveFrom", "").strip();
        // A datetime-local field has no zone, and may leave out the seconds: the exchange's times are UTC.
        change.put("effectiveFrom", effective.isEmpty() ? null
                : effective + (effective.length() == 16 ? ":00Z" : "Z"));
        change.put("reason", form.getOrDefault("reason", "").strip());
        TERMS.keySet().forEach(term -> {
            String value = form.getOrDefault(term, "").strip();
            if (!value.isEmpty()) {
                change.put(term, UNSET_DURATIONS.containsKey(term) ? value : Forms.number(value));
            }
        });
        change.put("typeWeights", byKey(form, "typeWeights.", Forms.TYPES, Forms::number));
        change.put("tlpWeights", byKey(form, "tlpWeights.", Forms.TLPS, Forms::number));
        // Each type's lifetime as written, 'never' included.
        change.put("itemLifetimes", byKey(form, LIFETIMES, Forms.TYPES, text -> text));
        change.values().removeIf(value -> value == null || value instanceof Map<?, ?> map && map.isEmpty());
        return change;
    }

    // A term with a value per key (a type, a marking), each field the form left empty leaving its key's value as it is.
    private static Map<String, Object> byKey(Map<String, String> form, String prefix, List<String> keys,
                                             Function<String, Object> conversion) {
        Map<String, Object> values = new LinkedHashMap<>();
        keys.forEach(key -> {
            String value = form.getOrDefault(prefix + key, "").strip();
            if (!value.isEmpty()) {
                values.put(key, conversion.apply(value));
            }
        });
        return values;
    }

    /** The form filled with the latest version's terms, for the operator to change what is to change. */
    private static Map<String, String> proposalOf(JsonNode latest) {
        Map<String, String> proposal = new LinkedHashMap<>();
        JsonNode rules = latest.path("rules");
        proposal.put("baseVersion", latest.path("version").asText());
        TERMS.keySet().forEach(term -> proposal.put(term, rules.path(term).isNull() || rules.path(term).isMissingNode()
                ? UNSET_DURATIONS.getOrDefault(term, "") : rules.path(term).asText()));
        // The weights' keys as the API writes them: ipv4, AMBER+STRICT.
        rules.path("typeWeights").fields().forEachRemaining(weight ->
                proposal.put("typeWeights." + weight.getKey(), weight.getValue().asText()));
        rules.path("tlpWeights").fields().forEachRemaining(weight ->
                proposal.put("tlpWeights." + weight.getKey(), weight.getValue().asText()));
        Forms.TYPES.forEach(type -> proposal.put(LIFETIMES + type,
                rules.path("itemLifetimes").path(type).asText(NEVER)));
        return proposal;
    }

    /** What the preview's changes call each term, as a person reads it: the form's labels, and each weight. */
    private static Map<String, String> termNames() {
        Map<String, String> names = new LinkedHashMap<>(TERMS);
        Forms.TYPES.forEach(type -> names.put("typeWeights." + type, "Weight of " + type));
        Forms.TLPS.forEach(tlp -> names.put("tlpWeights." + tlp, "Weight of TLP:" + tlp));
        Forms.TYPES.forEach(type -> names.put(LIFETIMES + type, "Lifetime of " + type));
        return names;
    }

    private static Map<String, String> terms() {
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("newItemCredit", "Credit for an item new to the pool");
        terms.put("corroborationShare", "Share of that credit for a corroboration (0 to 1)");
        terms.put("unknownConfidenceWeight", "Weight of an item sent without a confidence");
        terms.put("confidenceFloor", "Lowest weight a confidence gives");
        terms.put("ratio", "Credit to draw with per credit earned");
        terms.put("creditLifetime", "How long credit lasts (ISO-8601, or never)");
        terms.put("costPerItem", "Cost of each item drawn");
        terms.put("actedOnBonus", "Bonus for an item a consumer acted on");
        terms.put("contextShare", "Weight each kind of linked context adds (0 to 1)");
        terms.put("contextKindsCounted", "Kinds of context counted at most");
        terms.put("sightingBonus", "Bonus for an item a consumer saw");
        terms.put("falsePositiveQuorum", "Consumers whose reports of a false positive take an item out");
        terms.put("vestingPeriod", "How long a contribution's credit is held before it can be drawn (ISO-8601, or "
                + "none)");
        terms.put("decaySpeed", "How an item's score falls over its life (1 evenly, more: fast at first)");
        terms.put("reputationWeight", "How much a contributor's record of junk weighs on what it earns (0 to 0.9)");
        return terms;
    }
}
