/**
 * Batch submissions: many reports in one request, as a JSON array or as CSV, each checked
 * on its own and the valid ones sent together.
 */
package org.jointops.producer.batch;
