package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Contributing from the portal: a file or pasted text is first previewed by the API (what each line would earn, and
 * every error), and only sent as a contribution once the person has seen that and confirmed. The confirmation
 * carries the request key chosen with the preview, so sending it twice contributes once.
 */
@Controller
@RequestMapping("/portal/member/contribute")
class ContributePages {

    static final List<String> TLPS = List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED");

    private final PortalApi api;

    ContributePages(PortalApi api) {
        this.api = api;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("formats", UploadFormat.values());
        model.addAttribute("tlps", TLPS);
        return "portal/member/contribute";
    }

    @PostMapping("/preview")
    String preview(@AuthenticationPrincipal SignedIn who, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "auto") String format,
                   @RequestParam(defaultValue = "GREEN") String tlp, Model model) throws IOException {
        String content = file != null && !file.isEmpty()
                ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
        form(model);
        if (content.isBlank()) {
            model.addAttribute("missing", true);
            return "portal/member/contribute";
        }
        UploadFormat chosen = UploadFormat.of(format, content);
        try {
            JsonNode preview = api.upload(who, "/api/contributions/previews", query(chosen, tlp), chosen.mediaType,
                    content.getBytes(StandardCharsets.UTF_8), null);
            model.addAttribute("preview", api.view(preview));
            model.addAttribute("acceptable", preview.path("errors").isEmpty()
                    && preview.path("items").size() > 0);
        } catch (ApiRefusal refusal) {
            // The content could not be read at all: show why beside the form, with the content kept.
            model.addAttribute("refusal", refusal);
        }
        model.addAttribute("content", content);
        model.addAttribute("format", chosen);
        model.addAttribute("tlp", tlp);
        model.addAttribute("requestKey", MemberPages.requestKey());
        return "portal/member/contribute";
    }

    @PostMapping
    String contribute(@AuthenticationPrincipal SignedIn who, @RequestParam String content,
                      @RequestParam String format, @RequestParam(defaultValue = "GREEN") String tlp,
                      @RequestParam String requestKey, Model model) {
        UploadFormat chosen = UploadFormat.of(format, content);
        JsonNode receipt = api.upload(who, "/api/contributions", query(chosen, tlp), chosen.mediaType,
                content.getBytes(StandardCharsets.UTF_8), requestKey);
        model.addAttribute("receipt", api.view(receipt));
        return "portal/member/contributed";
    }

    private static Map<String, Object> query(UploadFormat format, String tlp) {
        Map<String, Object> query = new HashMap<>();
        if (format == UploadFormat.LIST) {
            query.put("tlp", tlp);
        }
        return query;
    }
}
