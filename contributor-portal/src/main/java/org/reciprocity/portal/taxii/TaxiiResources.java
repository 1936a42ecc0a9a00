package org.reciprocity.portal.taxii;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The TAXII 2.1 resources the server answers with, as the specification names their properties. */
final class TaxiiResources {

    private TaxiiResources() {
    }

    /** Section 4.1.1, the discovery resource. */
    record Discovery(String title, String description, @JsonProperty("default") String defaultRoot,
                     @JsonProperty("api_roots") List<String> apiRoots) {
    }

    /** Section 4.2.1, the API root resource. */
    record ApiRoot(String title, String description, List<String> versions,
                   @JsonProperty("max_content_length") long maxContentLength) {
    }

    /** Section 5.1.1, the collections resource. */
    record Collections(List<Collection> collections) {
    }

    /** Section 5.2.1, the collection resource. */
    record Collection(String id, String title, String description, @JsonProperty("can_read") boolean canRead,
                      @JsonProperty("can_write") boolean canWrite,
                      @JsonProperty("media_types") List<String> mediaTypes) {
    }

    /** Section 3.7, the envelope: a page of objects, and where the next one starts. */
    record Envelope(boolean more, String next, List<JsonNode> objects) {
    }

    /** Section 5.3.1, the manifest resource. */
    record Manifest(boolean more, String next, List<ManifestRecord> objects) {
    }

    /** Section 5.3.2, one manifest record. */
    record ManifestRecord(String id, @JsonProperty("date_added") String dateAdded, String version,
                          @JsonProperty("media_type") String mediaType) {
    }

    /** Section 5.8.1, the versions resource. */
    record Versions(boolean more, List<String> versions) {
    }
}
