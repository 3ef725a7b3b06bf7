/**
 * What both services' API descriptions share: problem details with their errors, the
 * bearer scheme, and the refusals of every secured operation.
 */
package org.jointops.support.openapi;
