package org.jointops.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A kind of finding that operations report, with its unit. An <em>of which</em> category
 * names its parent: its quantity is part of the parent's, never added to it.
 *
 * @param code catalogue code, unique in the whole catalogue
 * @param name what is counted, in English, as councils publish it
 * @param unit the unit quantities are given in
 * @param parent code of the parent category, or {@code null}
 * @param retired whether it takes no new figures: producers refuse new reports that use
 * it, the aggregator keeps counting and listing what was reported (absent in a file means
 * {@code false})
 */
public record Category(String code, String name, Unit unit, String parent,
		@JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean retired) {

	public Category {
		retired = Boolean.TRUE.equals(retired);
	}

	/**
	 * A category in use.
	 * @param code catalogue code
	 * @param name what is counted
	 * @param unit its unit
	 * @param parent code of the parent category, or {@code null}
	 */
	public Category(String code, String name, Unit unit, String parent) {
		this(code, name, unit, parent, false);
	}

	/**
	 * The same category, taking no new figures.
	 * @return this category, retired
	 */
	public Category retire() {
		return new Category(this.code, this.name, this.unit, this.parent, true);
	}

	/**
	 * Whether this is an <em>of which</em> line of another category.
	 * @return true if it has a parent
	 */
	public boolean isPartOfParent() {
		return this.parent != null;
	}

}
