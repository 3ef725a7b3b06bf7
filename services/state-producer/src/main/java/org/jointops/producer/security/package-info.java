/**
 * Who may post to a producer: the agencies' tokens, which endpoints need one, and which
 * agency first sent each report and alone may revise it.
 */
package org.jointops.producer.security;
