package org.reciprocity.portal.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whom a contribution from the portal is shared with, as the form asks it: everyone, some sharing groups, some
 * participants by id, inside a border. Passed to the API as the query parameters it reads an audience from, so the
 * API's own checks and errors are the page's.
 *
 * @param participants ids separated by commas or spaces, as a person types them
 * @param countries    ISO codes separated by commas or spaces
 */
record ShareForm(boolean exchange, List<String> groups, String participants, String border, String countries) {

    static final ShareForm EVERYONE = new ShareForm(true, List.of(), "", "anywhere", "");

    ShareForm {
        groups = groups == null ? List.of() : List.copyOf(groups);
        participants = participants == null ? "" : participants.strip();
        border = border == null || border.isBlank() ? "anywhere" : border;
        countries = countries == null ? "" : countries.strip();
    }

    Map<String, Object> asQuery() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("exchange", exchange);
        query.put("groups", String.join(",", groups));
        query.put("participants", listed(participants));
        query.put("border", border);
        query.put("countries", listed(countries));
        return query;
    }

    private static String listed(String typed) {
        return String.join(",", typed.isEmpty() ? new String[0] : typed.split("[,\\s]+"));
    }
}
