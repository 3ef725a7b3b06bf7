/**
 * The council's register of an operation: the exchange rates to US dollars the
 * secretariat set, the submission and approval status of each stage and member state, and
 * the publications. One JSON document per operation and version on the topic
 * {@code council.register}, versioned and distributed like the catalogue.
 */
package org.jointops.register;
