package org.reciprocity.portal.pages;

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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operator's sharing groups: forming one by sectors, countries and named members, and naming or taking out. */
@Controller
@RequestMapping("/portal/operator/sharing-groups")
class SharingGroupPages {

    private final PortalApi api;

    SharingGroupPages(PortalApi api) {
        this.api = api;
    }

    @GetMapping
    String groups(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("groups", AnswerView.of(api.get(who, "/api/sharing-groups", Map.of())));
        model.addAttribute("sectors", Forms.SECTORS);
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of());
        }
        return "portal/operator/sharing-groups";
    }

    /** The page again with what the API refused, beside the form, what was typed kept. */
    private String groups(SignedIn who, ApiRefusal refusal, Map<String, Object> entered, Model model) {
        model.addAttribute("refusal", refusal);
        model.addAttribute("entered", entered);
        return groups(who, model);
    }

    @PostMapping
    String form(@AuthenticationPrincipal SignedIn who, @RequestParam(defaultValue = "") String id,
                @RequestParam(defaultValue = "") String name,
                @RequestParam(required = false) List<String> sectors,
                @RequestParam(defaultValue = "") String countries, @RequestParam(defaultValue = "") String members,
                Model model, RedirectAttributes notice) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", id.strip());
        group.put("name", name.strip());
        group.put("sectors", sectors == null ? List.of() : sectors);
        group.put("countries", ids(countries));
        group.put("members", ids(members));
        try {
            api.send(who, HttpMethod.POST, "/api/sharing-groups", group, null);
        } catch (ApiRefusal refusal) {
            Map<String, Object> entered = new LinkedHashMap<>(group);
            entered.put("countries", countries);
            entered.put("members", members);
            return groups(who, refusal, entered, model);
        }
        notice.addFlashAttribute("notice", "Sharing group '" + group.get("id") + "' formed.");
        return "redirect:/portal/operator/sharing-groups";
    }

    @PostMapping("/{group}/members")
    String add(@AuthenticationPrincipal SignedIn who, @PathVariable String group, @RequestParam String participantId,
               Model model, RedirectAttributes notice) {
        try {
            api.send(who, HttpMethod.POST, PortalApi.path("/api/sharing-groups/{group}/members", group),
                    Map.of("participantId", participantId.strip()), null);
        } catch (ApiRefusal refusal) {
            return groups(who, refusal, Map.of(), model);
        }
        notice.addFlashAttribute("notice", "'" + participantId.strip() + "' is a named member of '" + group + "'.");
        return "redirect:/portal/operator/sharing-groups";
    }

    @PostMapping("/{group}/members/{member}/removal")
    String remove(@AuthenticationPrincipal SignedIn who, @PathVariable String group, @PathVariable String member,
                  Model model, RedirectAttributes notice) {
        try {
            api.send(who, HttpMethod.DELETE, PortalApi.path("/api/sharing-groups/{group}/members/{member}", group,
                    member), null, null);
        } catch (ApiRefusal refusal) {
            return groups(who, refusal, Map.of(), model);
        }
        notice.addFlashAttribute("notice", "'" + member + "' is no longer named in '" + group + "'; the group's "
                + "sectors and countries may still take it in.");
        return "redirect:/portal/operator/sharing-groups";
    }

    private static List<String> ids(String typed) {
        return Arrays.stream(typed.split("[,\\s]+")).filter(id -> !id.isBlank()).toList();
    }
}
