package org.jointops.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A real in-process KRaft broker for a Spring test, set up for exactly-once on one node,
 * its address in {@code spring.kafka.bootstrap-servers}. The context is closed after the
 * class, so the broker never outlives its log directory.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers",
		brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0",
				"auto.create.topics.enable=false" })
@DirtiesContext
public @interface WithEmbeddedKafka {

}
