package org.reciprocity.portal.memberpool;

import java.time.Instant;
import java.util.List;

/** A pool and its members. */
record MemberPoolView(String id, String name, String sector, String country, Instant formedAt, List<String> members) {
}
