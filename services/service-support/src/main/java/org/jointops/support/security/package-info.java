/**
 * The bearer-token security both services share: the stateless set-up, the token filter,
 * token hashes, the monitoring tokens, 401 and 403 answers as problem details, and the
 * failed-login count.
 */
package org.jointops.support.security;
