/**
 * The secretariat's admin API for changing the catalogue: the endpoints, the edits as
 * pure functions, and the writing of each new version to the catalogue topic.
 */
package org.jointops.aggregator.admin;
