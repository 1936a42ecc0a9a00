package org.reciprocity.core.event;

/** In which order a withdrawal is offered the pool's items, and so which of them a limit leaves out. */
public enum DrawOrder {
    /**
     * The order items became drawable: a consumer continues after the position its last withdrawal reached, and over
     * its withdrawals draws each item once.
     */
    POOL,
    /**
     * The best first, by the score that decays with an item's age and rises with its sightings ({@code ItemScore}):
     * a consumer whose quota covers a part of the pool spends its limit on what is most worth acting on now. It has
     * no position to continue from.
     */
    SCORE
}
