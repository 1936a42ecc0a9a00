package org.reciprocity.core.kernel;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/** The facts about the context objects of one contribution, by id; an id not among them is new to the pool. */
public record ContextFacts(Map<String, ObjectFacts> byId) {

    public ContextFacts {
        byId = Collections.unmodifiableMap(byId);
    }

    public Optional<ObjectFacts> of(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
