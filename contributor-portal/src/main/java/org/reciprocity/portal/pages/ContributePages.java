package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
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
import java.util.Map;

/**
 * Contributing from the portal: a file or pasted text is first previewed by the API (what each line would earn, and
 * every error), and only sent as a contribution once the person has seen that and confirmed. The bytes previewed
 * are kept on the node ({@link PreviewedUploads}) under the request key chosen with the preview, and those bytes,
 * with that key, are what the confirmation sends: sending it twice contributes once.
 */
@Controller
@RequestMapping("/portal/member/contribute")
class ContributePages {

    private final PortalApi api;

    ContributePages(PortalApi api) {
        this.api = api;
    }

    @GetMapping
    String form(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("formats", UploadFormat.values());
        model.addAttribute("tlps", Forms.TLPS);
        model.addAttribute("groups", AnswerView.of(api.get(who, "/api/sharing-groups", Map.of())));
        model.addAttribute("audience", ShareForm.EVERYONE);
        return "portal/member/contribute";
    }

    @PostMapping("/preview")
    String preview(@AuthenticationPrincipal SignedIn who, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "auto") String format,
                   @RequestParam(defaultValue = "GREEN") String tlp, ShareForm audience, HttpSession session,
                   Model model) throws IOException {
        boolean uploaded = file != null && !file.isEmpty();
        byte[] content = uploaded ? file.getBytes() : text.getBytes(StandardCharsets.UTF_8);
        form(who, model);
        model.addAttribute("audience", audience);
        model.addAttribute("text", uploaded ? "" : text);
        model.addAttribute("fileName", uploaded ? file.getOriginalFilename() : null);
        model.addAttribute("tlp", tlp);
        if (content.length == 0 || !uploaded && text.isBlank()) {
            model.addAttribute("missing", true);
            return "portal/member/contribute";
        }
        UploadFormat chosen = UploadFormat.of(format, content);
        model.addAttribute("format", chosen);
        try {
            JsonNode preview = api.upload(who, "/api/contributions/previews", query(chosen, tlp, audience),
                    chosen.mediaType, content, null);
            String requestKey = Forms.requestKey();
            PreviewedUploads.keep(session, requestKey, new PreviewedUploads.Upload(content, chosen, tlp, audience));
            model.addAttribute("preview", AnswerView.of(preview));
            model.addAttribute("acceptable", preview.path("errors").isEmpty() && preview.path("items").size() > 0);
            model.addAttribute("requestKey", requestKey);
        } catch (ApiRefusal refusal) {
            // The content could not be read at all: say why beside the form, the pasted text kept.
            model.addAttribute("refusal", refusal);
        }
        return "portal/member/contribute";
    }

    @PostMapping
    String contribute(@AuthenticationPrincipal SignedIn who, @RequestParam String requestKey, HttpSession session,
                      Model model) {
        PreviewedUploads.Upload upload = PreviewedUploads.find(session, requestKey).orElse(null);
        if (upload == null) {
            // The session ended or moved on since the preview: nothing was sent; preview again.
            form(who, model);
            model.addAttribute("expired", true);
            return "portal/member/contribute";
        }
        JsonNode receipt = api.upload(who, "/api/contributions", query(upload.format(), upload.tlp(),
                upload.audience()), upload.format().mediaType, upload.content(), requestKey);
        model.addAttribute("receipt", AnswerView.of(receipt));
        return "portal/member/contributed";
    }

    private static Map<String, Object> query(UploadFormat format, String tlp, ShareForm audience) {
        Map<String, Object> query = new HashMap<>(audience.asQuery());
        if (format == UploadFormat.LIST) {
            query.put("tlp", tlp);
        }
        return query;
    }
}
