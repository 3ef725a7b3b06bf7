package org.jointops.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A real Kafka node in this JVM for a Spring test, configured as in the local stack
 * ({@code org.jointops.kafkanode}): KRaft, SASL, the standard authorizer, and every
 * state's producer user and the aggregator's user with their ACLs and
 * {@link Credentials#kafkaPassword(String) test passwords}.
 * <p>
 * The context under test authenticates as the producer of {@code jointops.state} when
 * that property is set, as the aggregator otherwise: so the broker itself holds the
 * service to its own topics. Its address is in {@code spring.kafka.bootstrap-servers};
 * the node is a bean ({@link EmbeddedKafkaNode}) whose administrator's client settings a
 * test uses for its own clients. The context is closed after the class, and the node with
 * it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextCustomizerFactories(EmbeddedKafkaNode.CustomizerFactory.class)
@DirtiesContext
public @interface WithEmbeddedKafka {

}
