package org.reciprocity.portal.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.reciprocity.portal.fuzz.Malformed.Header;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.reciprocity.portal.fuzz.JsonText.NODES;

/**
 * One endpoint family: a valid request to it, and every way the fuzz knows to make that request wrong. Each try is
 * the valid request with one to three mutations, so that whatever the exchange accepts is accepted because of a
 * defect it should have refused.
 */
final class Family {

    static final String JSON = "application/json";
    static final String TAXII = "application/taxii+json;version=2.1";
    private static final String KEY = "Idempotency-Key";

    private final String name;
    private final String method;
    private final String path;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final List<Arbitrary<Consumer<Draft>>> mutations = new ArrayList<>();
    private String authorization;
    private final List<String> forbidden = new ArrayList<>();
    private String contentType;
    private Supplier<JsonNode> body;
    private boolean keyed;

    private Family(String name, String method, String path) {
        this.name = name;
        this.method = method;
        this.path = path;
    }

    static Family of(String name, String method, String path) {
        return new Family(name, method, path);
    }

    /** Who sends the valid request: its Authorization header. */
    Family by(String authorization) {
        this.authorization = authorization;
        return this;
    }

    /** Valid credentials of participants whose kind may not send this request: refused with 403. */
    Family forbiddenTo(String... authorizations) {
        forbidden.addAll(List.of(authorizations));
        return this;
    }

    /**
     * A path variable with its valid value, and values for which no resource exists, the path is malformed, or the
     * resource refuses the request (a grant to a pool's member, a member leaving a pool it is not in: 409).
     */
    Family at(String variable, String valid, Arbitrary<String> invalid) {
        pathValues.put(variable, valid);
        mutations.add(invalid.map(value -> draft -> {
            draft.pathValues.put(variable, value);
            draft.wrong(Defect.answeredWith("{" + variable + "} = '" + Malformed.visible(value) + "'", 400, 404, 409,
                    414));
        }));
        return this;
    }

    /** A query parameter, sent with {@code valid} (absent when null), and the values it must refuse. */
    Family param(String parameter, String valid, Arbitrary<String> invalid) {
        if (valid != null) {
            query.put(parameter, valid);
        }
        mutations.add(invalid.map(value -> draft -> {
            draft.query.put(parameter, value);
            draft.wrong(Defect.inField(parameter, "?" + parameter + "=" + Malformed.visible(value)));
        }));
        return this;
    }

    /** Methods the path does not serve: 405. */
    Family notServing(String... methods) {
        mutations.add(Arbitraries.of(methods).map(other -> draft -> {
            draft.method = other;
            draft.wrong(Defect.answeredWith(other + " is not served here", 405));
        }));
        return this;
    }

    /** A request that takes an Idempotency-Key: a fresh one each try, so that nothing wrongly accepted is replayed. */
    Family keyed() {
        keyed = true;
        mutations.add(Headers.requestKeys().map(key -> draft -> {
            draft.header(KEY, key);
            draft.wrong(Defect.unreadable("Idempotency-Key '" + Malformed.visible(key) + "'"));
        }));
        mutations.add(Arbitraries.just(draft -> {
            draft.addHeader(KEY, "second-" + UUID.randomUUID());
            draft.wrong(Defect.unreadable("two Idempotency-Key headers that differ"));
        }));
        return this;
    }

    /**
     * A JSON body, made anew each try, with its fields; {@code strict} when the body is a record of the API, whose
     * unknown fields are refused (STIX objects may carry custom properties).
     */
    Family body(String mediaType, Supplier<JsonNode> valid, boolean strict, List<String> objects, Field... fields) {
        return withBody(mediaType, valid, true, strict, objects, fields);
    }

    /** A body the endpoint may go without: an empty body or JSON null is then a valid request, not a defect. */
    Family optionalBody(Supplier<JsonNode> valid, Field... fields) {
        return withBody(JSON, valid, false, true, List.of(""), fields);
    }

    private Family withBody(String mediaType, Supplier<JsonNode> valid, boolean required, boolean strict,
                            List<String> objects, Field... fields) {
        this.contentType = mediaType;
        this.body = valid;
        mutations.add(Bodies.documents(required));
        mutations.add(Headers.unsupportedContentTypes(mediaType).map(type -> draft -> {
            draft.header("Content-Type", type);
            draft.wrong(Defect.answeredWith(type == null ? "no Content-Type"
                    : "Content-Type '" + Malformed.visible(type) + "'", 415, 400));
        }));
        List<Field> all = List.of(fields);
        mutations.add(Arbitraries.of(all).flatMap(field -> field.invalid().map(value -> draft -> {
            if (draft.claimBody() && draft.set(field.path(), value)) {
                // Past the parser's limits the document is refused as a whole, before any field is known.
                draft.wrong(Bodies.beyondParserLimits(value)
                        ? Defect.unreadable(Bodies.shown(value) + " at " + field.path())
                        : Defect.inField(field.path(), Bodies.shown(value), field.statuses()));
            }
        })));
        mutations.add(Arbitraries.of(all).map(field -> draft -> {
            if (draft.claimBody() && draft.duplicate(field.path())) {
                draft.wrong(Defect.inField(field.path(), "the key given twice"));
            }
        }));
        List<Field> present = all.stream().filter(Field::required).toList();
        if (!present.isEmpty()) {
            mutations.add(Arbitraries.of(present).map(field -> draft -> {
                if (draft.claimBody() && draft.remove(field.path())) {
                    draft.wrong(Defect.inField(field.path(), "missing", field.statuses()));
                }
            }));
        }
        if (strict) {
            mutations.add(Combinators.combine(Arbitraries.of(objects), Bodies.UNKNOWN_KEYS).as((object, key) -> draft -> {
                String field = object.isEmpty() ? key : object + "." + key;
                if (draft.at(field) == null && draft.claimBody() && draft.set(field, NODES.textNode("x"))) {
                    draft.wrong(Defect.inField(field, "a field the request does not have"));
                }
            }));
        }
        return this;
    }

    /** A parameter written into the query string as it is, where a URL may not carry it so. */
    Family rawQuery() {
        mutations.add(Headers.rawParameters().map(raw -> draft -> {
            draft.query.remove(raw.getKey());
            draft.rawQuery += "&" + raw.getKey() + "=" + raw.getValue();
            draft.wrong(Defect.unreadable("?" + raw.getKey() + "=" + Malformed.visible(raw.getValue())
                    + " as it is, not a URL's"));
        }));
        return this;
    }

    /** Every try of this family: the valid request, then one to three of its mutations. */
    Arbitrary<Malformed> requests() {
        List<Arbitrary<Consumer<Draft>>> all = new ArrayList<>(mutations);
        all.add(Headers.unacceptable(onTaxii()).map(accept -> draft -> {
            draft.header("Accept", accept);
            draft.wrong(Defect.answeredWith("Accept '" + Malformed.visible(accept) + "'", 406));
        }));
        all.add(Headers.wrongCredentials(authorization, forbidden).map(credentials -> draft -> {
            draft.header("Authorization", credentials.value());
            draft.wrong(Defect.answeredWith(credentials.description(), credentials.forbidden() ? 403 : 401));
        }));
        return Arbitraries.oneOf(all).list().ofMinSize(1).ofMaxSize(3).map(this::malformed)
                .filter(request -> !request.defects().isEmpty());
    }

    /** The valid request itself, with a fresh key and fresh values. */
    Malformed valid() {
        return malformed(List.of());
    }

    private boolean onTaxii() {
        return path.startsWith("/taxii2");
    }

    private Malformed malformed(List<Consumer<Draft>> applied) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Authorization", authorization));
        headers.add(new Header("Accept", onTaxii() ? TAXII : JSON));
        if (contentType != null) {
            headers.add(new Header("Content-Type", contentType));
        }
        if (keyed) {
            headers.add(new Header(KEY, "fuzz-" + UUID.randomUUID()));
        }
        Draft draft = new Draft(name, method, path, pathValues, query, headers, body == null ? null : body.get());
        applied.forEach(mutation -> mutation.accept(draft));
        return draft.build();
    }
}
