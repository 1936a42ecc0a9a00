package org.reciprocity.core.sharing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.google.common.hash.Hashing;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.participant.ParticipantProfile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * Whom a contribution is shared with: the whole exchange, named sharing groups, named participants, or any of them
 * together, inside a border. The marking then narrows it (see the kernel's {@code Delivery}): AMBER+STRICT and RED go
 * to the named participants alone, never to a group or the whole exchange.
 *
 * @param exchange     every member of the exchange
 * @param groups       sharing group ids, sorted
 * @param participants participant ids, sorted
 */
public record Audience(boolean exchange, List<String> groups, List<String> participants, Border border) {

    public static final int MAX_GROUPS = 32;
    public static final int MAX_PARTICIPANTS = 256;

    /** The audience of every contribution that names none: the whole exchange, anywhere. */
    public static final Audience EXCHANGE = new Audience(true, List.of(), List.of(), Border.ANYWHERE);

    /** What the exchange calls the audience of the whole exchange, anywhere. */
    public static final String EXCHANGE_ID = "exchange";

    public Audience {
        groups = sorted("audience.groups", groups, MAX_GROUPS);
        participants = sorted("audience.participants", participants, MAX_PARTICIPANTS);
        border = border == null ? Border.ANYWHERE : border;
        if (!exchange && groups.isEmpty() && participants.isEmpty()) {
            throw new InvalidInputException("audience", "an audience is the whole exchange, sharing groups, named "
                    + "participants, or some of them together");
        }
    }

    public static Audience of(List<String> groups, List<String> participants, Border border) {
        return new Audience(false, groups, participants, border);
    }

    /** Whether the audience is every member of the exchange, wherever registered (and maybe more by name). */
    @JsonIgnore
    public boolean isOpen() {
        return exchange && border.kind() == Border.Kind.ANYWHERE;
    }

    /** Whether this is the audience of every contribution that names none. */
    @JsonIgnore
    public boolean isWholeExchange() {
        return equals(EXCHANGE);
    }

    /**
     * The audience's name in registries and read models: {@value #EXCHANGE_ID} for the whole exchange anywhere, else
     * a digest of its canonical form, the same on every node and in every replay.
     */
    @JsonIgnore
    public String id() {
        if (isWholeExchange()) {
            return EXCHANGE_ID;
        }
        String canonical = "exchange=" + exchange + "\ngroups=" + String.join(",", groups) + "\nparticipants="
                + String.join(",", participants) + "\nborder=" + border.kind().label() + ":"
                + String.join(",", border.countries());
        return Hashing.sha256().hashString(canonical, StandardCharsets.UTF_8).toString();
    }

    private static List<String> sorted(String field, List<String> ids, int max) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (!ParticipantProfile.isIdentifier(id)) {
                throw new InvalidInputException(field, "'" + id + "' is not an id: 1 to 64 lower-case letters, digits "
                        + "and inner hyphens");
            }
            sorted.add(id);
        }
        if (sorted.size() > max) {
            throw new InvalidInputException(field, "at most " + max + " distinct ids; got " + sorted.size());
        }
        return List.copyOf(sorted);
    }
}
