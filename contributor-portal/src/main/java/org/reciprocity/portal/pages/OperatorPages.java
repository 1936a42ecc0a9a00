package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's pages: participants and their keys, pools and their members, grants. A key is shown once, on the
 * page that follows its issue, and nowhere after. The policy has its own pages ({@link PolicyPages}).
 */
@Controller
@RequestMapping("/portal/operator")
class OperatorPages {

    static final List<String> KINDS = List.of("firm", "agency", "auditor", "operator");
    /** How long an old key may keep working beside its replacement, as the rotation form offers it. */
    static final Map<Long, String> GRACES = graces();

    private final PortalApi api;

    OperatorPages(PortalApi api) {
        this.api = api;
    }

    @GetMapping
    String participants(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("participants", AnswerView.of(api.get(who, "/api/participants", Map.of())));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("sectors", Forms.SECTORS);
        return "portal/operator/participants";
    }

    @PostMapping("/participants")
    String register(@AuthenticationPrincipal SignedIn who, @RequestParam Map<String, String> form, Model model,
                    RedirectAttributes shown) {
        Map<String, Object> registration = new LinkedHashMap<>();
        for (String field : List.of("id", "kind", "name", "sector", "country")) {
            registration.put(field, form.getOrDefault(field, "").strip());
        }
        try {
            return issued(api.send(who, HttpMethod.POST, "/api/participants", registration, null), "registered",
                    shown);
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
            model.addAttribute("entered", registration);
            return participants(who, model);
        }
    }

    /** One participant: its keys and whether it is suspended, with what the operator may do about either. */
    @GetMapping("/participants/{id}")
    String participant(@AuthenticationPrincipal SignedIn who, @PathVariable String id, Model model) {
        model.addAttribute("participant", AnswerView.of(api.get(who, PortalApi.path("/api/participants/{id}", id),
                Map.of())));
        model.addAttribute("keys", AnswerView.of(api.get(who, PortalApi.path("/api/participants/{id}/keys", id),
                Map.of())));
        model.addAttribute("graces", GRACES);
        return "portal/operator/participant";
    }

    /**
     * A new key: at once (the old one stops), or for a planned rotation with the old key working on for a grace
     * period, and optionally lasting only to a day.
     */
    @PostMapping("/participants/{id}/key")
    String reissue(@AuthenticationPrincipal SignedIn who, @PathVariable String id,
                   @RequestParam(defaultValue = "0") long graceSeconds,
                   @RequestParam(required = false) String expiresOn, Model model, RedirectAttributes shown) {
        Map<String, Object> rotation = new LinkedHashMap<>();
        if (graceSeconds > 0) {
            rotation.put("graceSeconds", graceSeconds);
        }
        String expires = Forms.dayEnd(expiresOn);
        if (expires != null) {
            rotation.put("expiresAt", expires);
        }
        try {
            return issued(api.send(who, HttpMethod.POST, PortalApi.path("/api/participants/{id}/key", id),
                    rotation.isEmpty() ? null : rotation, null), "reissued", shown);
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
            return participants(who, model);
        }
    }

    /** One more key, under a name of its own, optionally lasting only to a day. */
    @PostMapping("/participants/{id}/keys")
    String issueNamed(@AuthenticationPrincipal SignedIn who, @PathVariable String id, @RequestParam String name,
                      @RequestParam(required = false) String expiresOn, Model model, RedirectAttributes shown) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name.strip());
        String expires = Forms.dayEnd(expiresOn);
        if (expires != null) {
            request.put("expiresAt", expires);
        }
        try {
            JsonNode issued = api.send(who, HttpMethod.POST, PortalApi.path("/api/participants/{id}/keys", id),
                    request, null);
            shown.addFlashAttribute("participant", AnswerView.of(api.get(who,
                    PortalApi.path("/api/participants/{id}", id), Map.of())));
            shown.addFlashAttribute("keyName", issued.path("key").path("name").asText());
            shown.addFlashAttribute("apiKey", issued.path("apiKey").asText());
            shown.addFlashAttribute("how", "named");
            return "redirect:/portal/operator/key";
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
            return participant(who, id, model);
        }
    }

    @PostMapping("/participants/{id}/keys/{name}/revocation")
    String revokeNamed(@AuthenticationPrincipal SignedIn who, @PathVariable String id, @PathVariable String name,
                       Model model, RedirectAttributes notice) {
        try {
            api.send(who, HttpMethod.DELETE, PortalApi.path("/api/participants/{id}/keys/{name}", id, name), null,
                    null);
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
            return participant(who, id, model);
        }
        notice.addFlashAttribute("notice", "The key '" + name + "' of '" + id + "' is revoked: it works nowhere from "
                + "now on. Its other keys keep working.");
        return "redirect:/portal/operator/participants/" + id;
    }

    @PostMapping("/participants/{id}/suspension")
    String suspend(@AuthenticationPrincipal SignedIn who, @PathVariable String id, @RequestParam String reason,
                   Model model, RedirectAttributes notice) {
        try {
            api.send(who, HttpMethod.POST, PortalApi.path("/api/participants/{id}/suspension", id),
                    Map.of("reason", reason.strip()), null);
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
            return participant(who, id, model);
        }
        notice.addFlashAttribute("notice", "'" + id + "' is suspended: its key is refused everywhere, its data and "
                + "balance kept, until you reinstate it.");
        return "redirect:/portal/operator/participants/" + id;
    }

    @PostMapping("/participants/{id}/reinstatement")
    String reinstate(@AuthenticationPrincipal SignedIn who, @PathVariable String id, RedirectAttributes notice) {
        api.send(who, HttpMethod.DELETE, PortalApi.path("/api/participants/{id}/suspension", id), null, null);
        notice.addFlashAttribute("notice", "'" + id + "' is reinstated: its key works again.");
        return "redirect:/portal/operator/participants/" + id;
    }

    /**
     * The key just issued, shown once: it came from the redirect that followed the issue, and is gone from the
     * session as this page is drawn. Reloading the page does not issue another key, and shows none.
     */
    @GetMapping("/key")
    String key(Model model) {
        return model.containsAttribute("apiKey") ? "portal/operator/key" : "redirect:/portal/operator";
    }

    @PostMapping("/participants/{id}/revocation")
    String revoke(@AuthenticationPrincipal SignedIn who, @PathVariable String id, Model model,
                  RedirectAttributes notice) {
        try {
            api.send(who, HttpMethod.DELETE, PortalApi.path("/api/participants/{id}/key", id), null, null);
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
            return participants(who, model);
        }
        notice.addFlashAttribute("notice", "The default key of '" + id + "' is revoked: it works nowhere from now "
                + "on. Reissue one when the participant needs it again; its named keys keep working.");
        return "redirect:/portal/operator";
    }

    @GetMapping("/pools")
    String pools(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("pools", AnswerView.of(api.get(who, "/api/pools", Map.of())));
        model.addAttribute("entered", Map.of());
        model.addAttribute("sectors", Forms.SECTORS);
        return "portal/operator/pools";
    }

    /** The pools page again with what the API refused, beside the form, what was typed kept. */
    private String pools(SignedIn who, ApiRefusal refusal, Map<String, String> entered, Model model) {
        pools(who, model);
        model.addAttribute("refusal", refusal);
        model.addAttribute("entered", entered);
        return "portal/operator/pools";
    }

    @PostMapping("/pools")
    String formPool(@AuthenticationPrincipal SignedIn who, @RequestParam Map<String, String> form, Model model,
                    RedirectAttributes notice) {
        Map<String, Object> pool = new LinkedHashMap<>();
        for (String field : List.of("id", "name", "sector", "country")) {
            pool.put(field, form.getOrDefault(field, "").strip());
        }
        pool.put("members", Arrays.stream(form.getOrDefault("members", "").split("[,\\s]+"))
                .filter(member -> !member.isBlank()).toList());
        try {
            api.send(who, HttpMethod.POST, "/api/pools", pool, null);
        } catch (ApiRefusal refusal) {
            return pools(who, refusal, form, model);
        }
        notice.addFlashAttribute("notice", "Pool '" + pool.get("id") + "' formed.");
        return "redirect:/portal/operator/pools";
    }

    @PostMapping("/pools/{pool}/members")
    String join(@AuthenticationPrincipal SignedIn who, @PathVariable String pool, @RequestParam String participantId,
                Model model, RedirectAttributes notice) {
        try {
            api.send(who, HttpMethod.POST, PortalApi.path("/api/pools/{pool}/members", pool),
                    Map.of("participantId", participantId.strip()), null);
        } catch (ApiRefusal refusal) {
            return pools(who, refusal, Map.of(), model);
        }
        notice.addFlashAttribute("notice", "'" + participantId.strip() + "' joined pool '" + pool + "'.");
        return "redirect:/portal/operator/pools";
    }

    @PostMapping("/pools/{pool}/members/{member}/departure")
    String leave(@AuthenticationPrincipal SignedIn who, @PathVariable String pool, @PathVariable String member,
                 Model model, RedirectAttributes notice) {
        try {
            api.send(who, HttpMethod.DELETE, PortalApi.path("/api/pools/{pool}/members/{member}", pool, member),
                    null, null);
        } catch (ApiRefusal refusal) {
            return pools(who, refusal, Map.of(), model);
        }
        notice.addFlashAttribute("notice", "'" + member + "' left pool '" + pool + "'.");
        return "redirect:/portal/operator/pools";
    }

    /** Grants go to accounts: every firm and agency outside a pool, and every pool. */
    @GetMapping("/grants")
    String grants(@AuthenticationPrincipal SignedIn who, Model model) {
        JsonNode pools = api.get(who, "/api/pools", Map.of());
        Set<String> pooled = new HashSet<>();
        pools.forEach(pool -> pool.path("members").forEach(member -> pooled.add(member.asText())));
        List<JsonNode> accounts = new ArrayList<>();
        api.get(who, "/api/participants", Map.of()).forEach(participant -> {
            String kind = participant.path("kind").asText();
            if ((kind.equals("firm") || kind.equals("agency")) && !pooled.contains(participant.path("id").asText())) {
                accounts.add(participant);
            }
        });
        model.addAttribute("accounts", accounts.stream().map(AnswerView::of).toList());
        model.addAttribute("pools", AnswerView.of(pools));
        model.addAttribute("requestKey", Forms.requestKey());
        return "portal/operator/grants";
    }

    @PostMapping("/grants")
    String grant(@AuthenticationPrincipal SignedIn who, @RequestParam String account, @RequestParam String amount,
                 @RequestParam String reason, @RequestParam(required = false) String expiresOn,
                 @RequestParam String requestKey, Model model, RedirectAttributes notice) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("amount", Forms.number(amount));
        grant.put("reason", reason.strip());
        String expires = Forms.dayEnd(expiresOn);
        if (expires != null) {
            grant.put("expiresAt", expires);
        }
        try {
            JsonNode receipt = api.send(who, HttpMethod.POST, PortalApi.path("/api/accounts/{id}/grants", account),
                    grant, requestKey);
            notice.addFlashAttribute("notice", "Granted " + amount.strip() + " credits to '" + account
                    + "'; its balance is now " + receipt.path("balance").asText() + ".");
            return "redirect:/portal/operator/grants";
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
            return grants(who, model);
        }
    }

    private static Map<Long, String> graces() {
        Map<Long, String> graces = new LinkedHashMap<>();
        graces.put(0L, "no time: the old key stops now");
        graces.put(3_600L, "an hour");
        graces.put(86_400L, "a day");
        graces.put(604_800L, "a week");
        return graces;
    }

    private String issued(JsonNode issued, String how, RedirectAttributes shown) {
        shown.addFlashAttribute("participant", AnswerView.of(issued.path("participant")));
        shown.addFlashAttribute("apiKey", issued.path("apiKey").asText());
        shown.addFlashAttribute("how", how);
        return "redirect:/portal/operator/key";
    }
}
