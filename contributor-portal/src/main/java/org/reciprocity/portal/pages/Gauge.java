package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * How much of what is new to the account in the pool its credit would draw: the API's quote for drawing as much as
 * one withdrawal may, from where the member's last draw reached.
 *
 * @param available what the account can spend now, as the account decides it
 * @param cost      what drawing everything new to it would cost, up to one withdrawal's limit
 * @param charged   how many of the items offered would be charged
 */
public record Gauge(BigDecimal available, BigDecimal cost, long charged, long offered) {

    static Gauge of(JsonNode quote) {
        return new Gauge(quote.path("availableNow").decimalValue(), quote.path("cost").decimalValue(),
                quote.path("itemsCharged").asLong(), quote.path("itemsOffered").asLong());
    }

    /** The meter's reading: what the account can pay of the cost, never more than all of it. */
    public BigDecimal covered() {
        return available.min(cost).max(BigDecimal.ZERO);
    }

    public boolean coversAll() {
        return available.compareTo(cost) >= 0;
    }
}
