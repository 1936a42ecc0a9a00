package org.reciprocity.core.participant;

/**
 * A participant chose whether consumers may see that it sent what it contributes: from now on, for everything it
 * contributed before as well. Participants are anonymous until they choose to be named.
 */
public record DisclosureChosen(String participantId, boolean named) {
}
