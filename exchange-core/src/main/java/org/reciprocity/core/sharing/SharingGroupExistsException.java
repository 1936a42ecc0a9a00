package org.reciprocity.core.sharing;

import org.reciprocity.core.Refusal;

/** A sharing group of this id was formed already; nothing changed. */
public class SharingGroupExistsException extends Refusal {

    public SharingGroupExistsException(String groupId) {
        super("sharing group '" + groupId + "' exists already; choose another id, or add members to it");
    }

    @Override
    public Reason reason() {
        return Reason.SHARING_GROUP_EXISTS;
    }
}
