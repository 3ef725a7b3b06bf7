/**
 * The wire format of the findings and council totals topics: which serializers and
 * deserializers encode their values, and how they are configured.
 */
package org.jointops.support.wire;
