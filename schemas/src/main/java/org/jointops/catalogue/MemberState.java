package org.jointops.catalogue;

/**
 * A member state, by its ISO 3166-1 alpha-3 code. States are never deleted from the
 * catalogue, so that old reports stay readable after membership changes.
 *
 * @param code e.g. {@code KAZ}
 * @param name e.g. {@code Kazakhstan}
 */
public record MemberState(String code, String name) {
}
