/**
 * The reference catalogue (member states, agencies, programmes with their finding
 * categories, operations with their stages), how it is loaded and may evolve, and the
 * rules a report revision must follow against it.
 */
package org.jointops.catalogue;
