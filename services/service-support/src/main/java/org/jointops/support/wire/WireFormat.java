package org.jointops.support.wire;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Makes configured serializers and deserializers of the wire topics' values.
 */
public final class WireFormat {

	private final WireProperties properties;

	public WireFormat(WireProperties properties) {
		this.properties = properties;
	}

	/**
	 * A new, configured value serializer.
	 * @return the serializer
	 */
	@SuppressWarnings("unchecked")
	public Serializer<Object> serializer() {
		Serializer<Object> serializer = instantiate(this.properties.serializer());
		serializer.configure(Map.copyOf(this.properties.properties()), false);
		return serializer;
	}

	/**
	 * A new, configured value deserializer.
	 * @return the deserializer
	 */
	@SuppressWarnings("unchecked")
	public Deserializer<Object> deserializer() {
		Deserializer<Object> deserializer = instantiate(this.properties.deserializer());
		deserializer.configure(Map.copyOf(this.properties.properties()), false);
		return deserializer;
	}

	private static <T> T instantiate(Class<? extends T> type) {
		try {
			return type.getDeclaredConstructor().newInstance();
		}
		catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot create " + type.getName() + ": " + ex, ex);
		}
	}

}
