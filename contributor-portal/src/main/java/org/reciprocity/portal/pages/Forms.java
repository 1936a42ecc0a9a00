package org.reciprocity.portal.pages;

import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.participant.ParticipantProfile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What the pages' forms share: the choices they offer, how they read what was typed, how they hand files on. */
final class Forms {

    /** The item types and markings as the API writes them. */
    static final List<String> TYPES = Arrays.stream(ItemType.values()).map(ItemType::label).toList();
    static final List<String> TLPS = Arrays.stream(Tlp.values()).map(Tlp::label).toList();
    /** The STIX 2.1 industry sectors a participant or pool is registered under, in order. */
    static final List<String> SECTORS = ParticipantProfile.SECTORS.stream().sorted().toList();

    private Forms() {
    }

    /**
     * A request key for an action a page offers to confirm: chosen when the page is shown and sent with the
     * confirmation, so that confirming twice does the action once.
     */
    static String requestKey() {
        return "portal-" + UUID.randomUUID();
    }

    /** A number as typed; what is not a number goes to the API as typed, for it to refuse and say why. */
    static Object number(String typed) {
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException notANumber) {
            return typed;
        }
    }

    /**
     * The instant a day from a date field starts, in UTC; nothing when the field is empty.
     *
     * @throws java.time.format.DateTimeParseException when the field holds no date
     */
    static String dayStart(String date) {
        return date == null || date.isBlank() ? null : LocalDate.parse(date.strip()) + "T00:00:00Z";
    }

    /** The instant after a day from a date field, in UTC: a day chosen as the last is included whole. */
    static String dayEnd(String date) {
        return date == null || date.isBlank() ? null : LocalDate.parse(date.strip()).plusDays(1) + "T00:00:00Z";
    }

    /** An API answer handed to the browser as a file, named as the API named it or else as {@code name}. */
    static ResponseEntity<byte[]> file(ResponseEntity<byte[]> answer, String name) {
        MediaType type = answer.getHeaders().getContentType();
        String disposition = answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        return ResponseEntity.ok()
                .contentType(type == null ? MediaType.APPLICATION_OCTET_STREAM : type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition != null ? disposition
                        : "attachment; filename=\"" + name + "\"")
                .body(answer.getBody());
    }
}
