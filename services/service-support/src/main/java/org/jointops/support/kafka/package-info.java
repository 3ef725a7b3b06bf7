/**
 * Creating the topics a service writes to when they are missing, without ever altering
 * one that exists.
 */
package org.jointops.support.kafka;
