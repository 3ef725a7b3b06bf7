package org.jointops.catalogue;

/**
 * A kind of finding that operations report, with its unit. An <em>of which</em> category
 * names its parent: its quantity is part of the parent's, never added to it.
 *
 * @param code catalogue code, unique in the whole catalogue
 * @param name what is counted, in English, as councils publish it
 * @param unit the unit quantities are given in
 * @param parent code of the parent category, or {@code null}
 */
public record Category(String code, String name, Unit unit, String parent) {

	/**
	 * Whether this is an <em>of which</em> line of another category.
	 * @return true if it has a parent
	 */
	public boolean isPartOfParent() {
		return this.parent != null;
	}

}
