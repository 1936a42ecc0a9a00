package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The point-of-contact directory: a member's own entry, to publish or confirm, beside the entries shared with it; and
 * for the operator, the entries to chase beside every entry.
 */
@Controller
class ContactPages {

    static final List<String> BORDERS = List.of("anywhere", "own-country", "countries", "asean");
    private static final List<String> FIELDS = List.of("team", "email", "phone", "pgpKey", "hours", "policyUrl");

    private final PortalApi api;

    ContactPages(PortalApi api) {
        this.api = api;
    }

    @GetMapping("/portal/member/contacts")
    String member(@AuthenticationPrincipal SignedIn who, Model model) {
        JsonNode own = own(who);
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", entered(own));
        }
        model.addAttribute("own", AnswerView.of(own));
        model.addAttribute("directory", AnswerView.of(api.get(who, "/api/contacts", Map.of())));
        model.addAttribute("tlps", Forms.TLPS);
        model.addAttribute("borders", BORDERS);
        return "portal/member/contacts";
    }

    @PostMapping("/portal/member/contacts")
    String publish(@AuthenticationPrincipal SignedIn who, @RequestParam Map<String, String> form, Model model,
                   RedirectAttributes notice) {
        try {
            JsonNode receipt = api.send(who, HttpMethod.PUT, ownPath(who), entry(form), null);
            notice.addFlashAttribute("notice", receipt.path("published").asBoolean()
                    ? "Your contacts are published." : "Nothing had changed: your contacts are confirmed as they are.");
            return "redirect:/portal/member/contacts";
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
            model.addAttribute("entered", form);
            return member(who, model);
        }
    }

    @PostMapping("/portal/member/contacts/confirmation")
    String confirm(@AuthenticationPrincipal SignedIn who, RedirectAttributes notice) {
        api.send(who, HttpMethod.POST, ownPath(who) + "/confirmation", null, null);
        notice.addFlashAttribute("notice", "Your contacts are confirmed as they are.");
        return "redirect:/portal/member/contacts";
    }

    @GetMapping("/portal/operator/contacts")
    String operator(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("stale", AnswerView.of(api.get(who, "/api/contacts/stale", Map.of())
                .path("participants")));
        model.addAttribute("directory", AnswerView.of(api.get(who, "/api/contacts", Map.of())));
        return "portal/operator/contacts";
    }

    private static String ownPath(SignedIn who) {
        return PortalApi.path("/api/participants/{id}/contacts", who.member().participantId());
    }

    /** The member's own entry; none before it publishes one. */
    private JsonNode own(SignedIn who) {
        try {
            return api.get(who, ownPath(who), Map.of());
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 404) {
                return null;
            }
            throw refusal;
        }
    }

    /** The form as the entry stands, for the member to change; for a first entry, the whole exchange under GREEN. */
    private static Map<String, String> entered(JsonNode own) {
        Map<String, String> entered = new LinkedHashMap<>();
        if (own == null) {
            entered.put("exchange", "on");
            entered.put("border", "anywhere");
            entered.put("tlp", "GREEN");
            return entered;
        }
        FIELDS.forEach(field -> entered.put(field, own.path(field).asText("")));
        JsonNode audience = own.path("audience");
        if (audience.path("exchange").asBoolean()) {
            entered.put("exchange", "on");
        }
        entered.put("groups", joined(audience.path("groups")));
        entered.put("participants", joined(audience.path("participants")));
        entered.put("border", audience.path("border").asText("anywhere"));
        entered.put("countries", audience.path("border").asText().equals("countries")
                ? joined(audience.path("countries")) : "");
        entered.put("tlp", own.path("tlp").asText("GREEN"));
        return entered;
    }

    /** The entry as the API takes it, the audience always named: the form shows it. */
    private static Map<String, Object> entry(Map<String, String> form) {
        Map<String, Object> entry = new LinkedHashMap<>();
        FIELDS.forEach(field -> entry.put(field, form.getOrDefault(field, "")));
        Map<String, Object> audience = new LinkedHashMap<>();
        audience.put("exchange", form.containsKey("exchange"));
        audience.put("groups", list(form.get("groups")));
        audience.put("participants", list(form.get("participants")));
        audience.put("border", form.getOrDefault("border", "anywhere"));
        audience.put("countries", list(form.get("countries")));
        entry.put("audience", audience);
        entry.put("tlp", form.getOrDefault("tlp", "GREEN"));
        return entry;
    }

    private static List<String> list(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).toList();
    }

    private static String joined(JsonNode ids) {
        StringBuilder text = new StringBuilder();
        ids.forEach(id -> text.append(text.isEmpty() ? "" : ", ").append(id.asText()));
        return text.toString();
    }
}
