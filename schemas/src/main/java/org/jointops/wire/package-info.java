/**
 * The wire contract's encoding and names: the topic names, the Avro single-object
 * encoding (serializers, deserializers and serdes) with every released schema version,
 * and quantities as the schemas carry them.
 */
package org.jointops.wire;
