package org.jointops.kafkanode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.jointops.wire.Topics;

/**
 * Who may do what on a jointops node, applied by the administrator: a SCRAM user per
 * service and the ACLs that keep each to its own topics.
 * <ul>
 * <li>A state's producer service ({@code producer-kaz}) may write, read and create only
 * its own findings topic ({@code findings.kaz}) and its own owners topic
 * ({@code owners.kaz}), and read the catalogue topic.</li>
 * <li>The aggregator may read every findings topic and nothing else of the producers'
 * (not their owners topics); it may create, write and read only its own topics:
 * {@code council.totals}, the dead-letter topic and the catalogue topic (neither delete
 * nor reconfigure them), and everything of its Kafka Streams application (internal
 * topics, group, transactional ids, all prefixed by its application id).</li>
 * </ul>
 * Applying it again changes nothing that is already in place (passwords are set again).
 */
public final class AccessControl {

	private static final int SCRAM_ITERATIONS = 4096;

	private AccessControl() {
	}

	/**
	 * Creates or updates the users and grants their ACLs.
	 * @param admin an administrator's client
	 * @param producerPasswords each state's producer password, by state code
	 * @param aggregatorPassword the aggregator's password
	 * @param aggregatorApplicationId the aggregator's Kafka Streams application id
	 */
	public static void apply(Admin admin, Map<String, String> producerPasswords, String aggregatorPassword,
			String aggregatorApplicationId) {
		List<UserScramCredentialUpsertion> users = new ArrayList<>();
		List<AclBinding> acls = new ArrayList<>();
		producerPasswords.forEach((state, password) -> {
			users.add(user(KafkaUsers.producer(state), password));
			acls.addAll(producerAcls(state));
		});
		users.add(user(KafkaUsers.AGGREGATOR, aggregatorPassword));
		acls.addAll(aggregatorAcls(aggregatorApplicationId));
		await(admin.alterUserScramCredentials(List.copyOf(users)).all(), "create the Kafka users");
		await(admin.createAcls(acls).all(), "grant the Kafka ACLs");
	}

	/**
	 * The ACLs of a state's producer service.
	 * @param state e.g. {@code KAZ}
	 * @return its bindings
	 */
	public static List<AclBinding> producerAcls(String state) {
		String user = KafkaUsers.producer(state);
		List<AclBinding> acls = new ArrayList<>();
		ResourcePattern findings = topic(Topics.findings(state), PatternType.LITERAL);
		for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE,
				AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS)) {
			acls.add(allow(user, findings, operation));
		}
		ResourcePattern owners = topic(Topics.owners(state).name(), PatternType.LITERAL);
		for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE,
				AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS)) {
			acls.add(allow(user, owners, operation));
		}
		for (String shared : List.of(Topics.CATALOGUE, Topics.REGISTER)) {
			ResourcePattern pattern = topic(shared, PatternType.LITERAL);
			acls.add(allow(user, pattern, AclOperation.READ));
			acls.add(allow(user, pattern, AclOperation.DESCRIBE));
			// the replication check reads min.insync.replicas of every topic the service
			// uses
			acls.add(allow(user, pattern, AclOperation.DESCRIBE_CONFIGS));
		}
		acls.add(allow(user, cluster(), AclOperation.IDEMPOTENT_WRITE));
		return acls;
	}

	/**
	 * The ACLs of the aggregator.
	 * @param applicationId its Kafka Streams application id
	 * @return its bindings
	 */
	public static List<AclBinding> aggregatorAcls(String applicationId) {
		String user = KafkaUsers.AGGREGATOR;
		List<AclBinding> acls = new ArrayList<>();
		ResourcePattern findings = topic(Topics.FINDINGS_PREFIX, PatternType.PREFIXED);
		acls.add(allow(user, findings, AclOperation.READ));
		acls.add(allow(user, findings, AclOperation.DESCRIBE));
		acls.add(allow(user, findings, AclOperation.DESCRIBE_CONFIGS));
		// no DELETE or ALTER_CONFIGS: its password alone cannot erase the dead letters or
		// shorten a topic's retention
		for (String own : List.of(Topics.COUNCIL_TOTALS, Topics.DEAD_LETTER, Topics.CATALOGUE, Topics.REGISTER,
				Topics.PUBLICATIONS)) {
			for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.WRITE, AclOperation.READ,
					AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS)) {
				acls.add(allow(user, topic(own, PatternType.LITERAL), operation));
			}
		}
		acls.add(allow(user, topic(applicationId, PatternType.PREFIXED), AclOperation.ALL));
		acls.add(allow(user, new ResourcePattern(ResourceType.GROUP, applicationId, PatternType.PREFIXED),
				AclOperation.ALL));
		acls.add(allow(user, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED),
				AclOperation.ALL));
		acls.add(allow(user, cluster(), AclOperation.IDEMPOTENT_WRITE));
		return acls;
	}

	private static UserScramCredentialUpsertion user(String name, String password) {
		return new UserScramCredentialUpsertion(name,
				new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, SCRAM_ITERATIONS), password);
	}

	private static ResourcePattern topic(String name, PatternType type) {
		return new ResourcePattern(ResourceType.TOPIC, name, type);
	}

	private static ResourcePattern cluster() {
		return new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
	}

	private static AclBinding allow(String user, ResourcePattern resource, AclOperation operation) {
		return new AclBinding(resource,
				new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
	}

	private static void await(KafkaFuture<Void> future, String what) {
		try {
			future.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot " + what, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while trying to " + what, ex);
		}
	}

}
