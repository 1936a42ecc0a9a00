package org.reciprocity.core.sharing;

import java.util.List;

/**
 * Whom a sharing group takes in besides its named members: participants of one of its sectors and one of its
 * countries ("financial-services in SG"), of one of its sectors anywhere, or of one of its countries in any sector.
 * A group without either takes in its named members alone. The kernel's {@code Audiences} applies them.
 */
public record SharingGroupTerms(List<String> sectors, List<String> countries) {

    public static final SharingGroupTerms NAMED_ONLY = new SharingGroupTerms(List.of(), List.of());

    public SharingGroupTerms {
        sectors = List.copyOf(sectors);
        countries = List.copyOf(countries);
    }
}
