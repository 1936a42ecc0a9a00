package org.reciprocity.bench;

/**
 * A goal from docs/benchmarks.md and where the run stands against it.
 *
 * @param met null when the run was too small to tell (a goal at a million items, measured on fewer)
 */
record Goal(String goal, String measured, Boolean met) {

    String verdict() {
        return met == null ? "not at this size" : met ? "met" : "NOT MET";
    }
}
