/**
 * The documents for the council's meeting: a page of XHTML as PDF (A4, its font embedded)
 * and council totals as an Excel workbook. Pure functions of what they render, so that
 * live figures and a published snapshot come out alike.
 */
package org.jointops.aggregator.documents;
