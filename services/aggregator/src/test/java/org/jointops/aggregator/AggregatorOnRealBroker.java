package org.jointops.aggregator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jointops.testsupport.WithEmbeddedKafka;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole aggregator on a random port, on a real broker ({@link WithEmbeddedKafka}),
 * with its own configuration and a Kafka Streams state directory of its own. A test adds
 * its own properties with {@link #properties()} and the topics it needs with
 * {@code @Import} (e.g. {@link FindingsTopics}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "spring.config.name=" + AggregatorApplication.CONFIG_NAME,
		"spring.kafka.streams.state-dir=target/kstreams-state/${random.uuid}" })
@WithEmbeddedKafka
public @interface AggregatorOnRealBroker {

	/**
	 * Properties of this test, as {@code key=value}.
	 * @return the properties
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
