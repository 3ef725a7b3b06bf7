package org.jointops.producer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of a state producer.
 *
 * @param state the member state this instance serves, e.g. {@code KAZ}
 * ({@code jointops.state})
 * @param publishTimeout longest wait for the broker's acknowledgement before answering
 * 503; must exceed the producer's {@code max.block.ms} plus {@code delivery.timeout.ms}
 * @param topic how the state's findings and owners topics are created if missing
 * @param maxBodySize longest request body read; longer ones are answered 413
 * @param batch limits of {@code POST /api/v1/reports:batch}
 * @param agencyTokens by agency code, the SHA-256 hashes ({@code sha256:<hex>}) of its
 * API tokens
 */
@ConfigurationProperties("jointops")
@Validated
public record ProducerProperties(@NotBlank String state, @DefaultValue("10s") Duration publishTimeout,
		@Valid @DefaultValue Topic topic, @DefaultValue("256KB") DataSize maxBodySize, @Valid @DefaultValue Batch batch,
		Map<String, List<String>> agencyTokens) {

	public ProducerProperties {
		agencyTokens = (agencyTokens != null) ? Map.copyOf(agencyTokens) : Map.of();
	}

	/**
	 * How the state's findings topic, and its owners topic, are created when they are
	 * missing.
	 *
	 * @param partitions partitions of {@code findings.<state>} (and of
	 * {@code owners.<state>})
	 * @param replicationFactor replicas of each partition
	 * @param minInsyncReplicas replicas that must have a record before it is acknowledged
	 */
	public record Topic(@Positive @DefaultValue("3") int partitions,
			@Positive @DefaultValue("1") short replicationFactor, @Positive @DefaultValue("1") int minInsyncReplicas) {
	}

	/**
	 * Limits of one batch; a batch over any of them is refused whole (413) before a
	 * report of it is checked.
	 *
	 * @param maxReports most reports in one batch (JSON elements, or CSV reports after
	 * grouping rows)
	 * @param maxRows most data rows of a CSV batch (the header not counted)
	 * @param maxBodySize longest batch body
	 */
	public record Batch(@Positive @DefaultValue("1000") int maxReports, @Positive @DefaultValue("20000") int maxRows,
			@DefaultValue("8MB") DataSize maxBodySize) {
	}

}
