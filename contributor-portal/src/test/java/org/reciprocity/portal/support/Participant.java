package org.reciprocity.portal.support;

/** A registered participant as a test holds it: its id and its API key. */
public record Participant(String id, String apiKey) {
}
