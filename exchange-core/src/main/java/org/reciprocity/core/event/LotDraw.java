package org.reciprocity.core.event;

import org.reciprocity.core.policy.Credit;

import java.util.UUID;

/** The part of a withdrawal's cost taken from one lot. */
public record LotDraw(UUID lotId, Credit amount) {
}
