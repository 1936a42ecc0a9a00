package org.reciprocity.core.testing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

import java.util.ArrayList;
import java.util.List;

/** Catches the events a fixture's command published, to assert on them with AssertJ. */
public class Recorded {

    private final List<Object> events = new ArrayList<>();

    public Matcher<List<EventMessage<?>>> events() {
        return Matchers.matches(messages -> {
            events.clear();
            messages.forEach(message -> events.add(message.getPayload()));
            return true;
        });
    }

    public List<Object> all() {
        return List.copyOf(events);
    }

    public <T> T only(Class<T> type) {
        List<T> matching = events.stream().filter(type::isInstance).map(type::cast).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " among " + events);
        }
        return matching.get(0);
    }
}
