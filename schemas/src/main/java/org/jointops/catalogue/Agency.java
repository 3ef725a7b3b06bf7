package org.jointops.catalogue;

/**
 * A kind of competent authority that reports findings, e.g. {@code INTERIOR} for the
 * ministries of internal affairs (police).
 *
 * @param code catalogue code
 * @param name what it is, in English
 */
public record Agency(String code, String name) {
}
