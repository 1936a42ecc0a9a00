package org.reciprocity.core.policy;

import java.time.Duration;

/**
 * How far ahead a policy change must be announced. A decision reads the policy in force at its own instant; the
 * notice guarantees that the new version is stored on every node before that instant comes. A change is refused
 * unless at least half the notice is still left when it commits, so the nodes' clocks may disagree by up to half the
 * notice.
 */
public record PolicyNotice(Duration minimum) {
}
