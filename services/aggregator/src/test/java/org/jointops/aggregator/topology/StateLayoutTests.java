package org.jointops.aggregator.topology;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.jointops.aggregator.ledger.HistoryProperties;
import org.jointops.catalogue.CatalogueLoader;
import org.jointops.support.catalogue.CurrentCatalogue;
import org.jointops.support.wire.WireFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The application id of a state layout: the configured base with the layout's generation,
 * so that no configuration runs this topology on a previous layout's offsets and topics.
 */
class StateLayoutTests {

	@Test
	void runsAsTheConfiguredBaseIdWithTheLayoutGeneration() {
		assertThat(StateLayout.applicationId("jointops-aggregator"))
			.isEqualTo("jointops-aggregator-layout-" + StateLayout.GENERATION);
		assertThat(StateLayout.applicationId("ministry-aggregator"))
			.as("a deployment's own base id gets the suffix too")
			.isEqualTo("ministry-aggregator-layout-" + StateLayout.GENERATION);
	}

	@Test
	void previousLayoutsRanAsTheBareBaseIdThenWithTheirGenerations() {
		assertThat(StateLayout.previousApplicationIds("jointops-aggregator")).hasSize(StateLayout.GENERATION - 1)
			.startsWith("jointops-aggregator")
			.doesNotContain(StateLayout.applicationId("jointops-aggregator"));
	}

	@Test
	void refusesABaseIdThatAlreadyNamesALayout() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StateLayout.applicationId("jointops-aggregator-layout-" + StateLayout.GENERATION))
			.withMessageContaining("configure the base id");
		assertThatIllegalArgumentException().isThrownBy(() -> StateLayout.applicationId("agg-layout-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> StateLayout.applicationId(" "));
	}

	@Test
	void namesThePreviousLayoutsInternalTopicsAfterItsApplicationId() {
		assertThat(StateLayout.previousInternalTopics("jointops-aggregator"))
			.contains("jointops-aggregator-operation-totals-changelog",
					"jointops-aggregator-operation-changes-changelog", "jointops-aggregator-report-revisions-changelog",
					"jointops-aggregator-reports-by-id-repartition",
					"jointops-aggregator-changes-by-operation-repartition")
			.doesNotContainAnyElementsOf(StateLayout.internalTopics(StateLayout.applicationId("jointops-aggregator")));
	}

	@Test
	void namesThisLayoutsInternalTopicsAsTheTopologyMakesThem() {
		StreamsBuilder builder = new StreamsBuilder();
		CouncilTotalsTopology.build(builder, CurrentCatalogue.fixed(CatalogueLoader.bundled()), Duration.ZERO,
				WireFormat.singleObject().reportRevisions(), WireFormat.singleObject().councilTotals(), 3,
				HistoryProperties.DEFAULTS);
		Set<String> topics = new TreeSet<>();
		for (TopologyDescription.Subtopology subtopology : builder.build().describe().subtopologies()) {
			for (TopologyDescription.Node node : subtopology.nodes()) {
				if (node instanceof TopologyDescription.Processor processor) {
					processor.stores().forEach((store) -> topics.add("app-" + store + "-changelog"));
				}
				if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
					source.topicSet()
						.stream()
						.filter((topic) -> topic.endsWith("-repartition"))
						.forEach((topic) -> topics.add("app-" + topic));
				}
			}
		}

		assertThat(StateLayout.internalTopics("app"))
			.as("a store or repartition changed: bump StateLayout.GENERATION if its contents changed incompatibly, "
					+ "and name its topics")
			.containsExactlyInAnyOrderElementsOf(topics);
	}

	@Test
	void namesTheRepartitionTopicsInTheOrderRecordsFlowThroughThem() {
		assertThat(StateLayout.repartitionTopics("app")).containsExactly("app-reports-by-id-repartition",
				"app-changes-by-operation-repartition");
	}

}
