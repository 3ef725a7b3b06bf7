package org.jointops.kafkanode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
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
 * Applied one principal at a time ({@link #applyProducer}, {@link #applyAggregator}), the
 * same way by the local stack at every start, by the tests and by the operator's command
 * ({@link KafkaAccessCommand}). Applying it again adds no ACL and removes none; the
 * password is written again (the same password, with a new salt, unless it changed).
 */
public final class AccessControl {

	private static final int SCRAM_ITERATIONS = 4096;

	private AccessControl() {
	}

	/**
	 * Creates or updates the users of the given producers and of the aggregator and
	 * grants their ACLs, one principal after the other
	 * ({@link #applyProducer(Admin, String, String)},
	 * {@link #applyAggregator(Admin, String, String)}).
	 * @param admin an administrator's client
	 * @param producerPasswords each state's producer password, by state code
	 * @param aggregatorPassword the aggregator's password
	 * @param aggregatorApplicationId the aggregator's Kafka Streams application id
	 */
	public static void apply(Admin admin, Map<String, String> producerPasswords, String aggregatorPassword,
			String aggregatorApplicationId) {
		producerPasswords.forEach((state, password) -> applyProducer(admin, state, password));
		applyAggregator(admin, aggregatorPassword, aggregatorApplicationId);
	}

	/**
	 * Creates a state's producer user, or sets its password, and grants the ACLs of
	 * {@link #producerAcls(String)} that it does not have yet.
	 * @param admin an administrator's client
	 * @param state the ISO 3166-1 alpha-3 code, e.g. {@code KAZ}
	 * @param password the user's password
	 * @return what changed
	 */
	public static Applied applyProducer(Admin admin, String state, String password) {
		return applyUser(admin, KafkaUsers.producer(state), password, producerAcls(state));
	}

	/**
	 * Creates the aggregator's user, or sets its password, and grants the ACLs of
	 * {@link #aggregatorAcls(String)} that it does not have yet.
	 * @param admin an administrator's client
	 * @param password the user's password
	 * @param applicationId the aggregator's Kafka Streams application id
	 * @return what changed
	 */
	public static Applied applyAggregator(Admin admin, String password, String applicationId) {
		return applyUser(admin, KafkaUsers.AGGREGATOR, password, aggregatorAcls(applicationId));
	}

	/**
	 * Deletes a state's producer user and every ACL whose principal it is. Its topics are
	 * left as they are.
	 * @param admin an administrator's client
	 * @param state the ISO 3166-1 alpha-3 code, e.g. {@code KAZ}
	 * @return what was removed
	 */
	public static Removed removeProducer(Admin admin, String state) {
		String user = KafkaUsers.producer(state);
		// the ACLs first: a cluster without an authorizer fails here, before the user is
		// touched
		Collection<AclBinding> deleted = await(admin.deleteAcls(List.of(principalFilter(user))).all(),
				"delete the ACLs of " + user);
		UserScramCredentialsDescription credentials = scramUsers(admin).get(user);
		List<UserScramCredentialAlteration> deletions = new ArrayList<>();
		if (credentials != null) {
			credentials.credentialInfos()
				.forEach((info) -> deletions.add(new UserScramCredentialDeletion(user, info.mechanism())));
		}
		if (!deletions.isEmpty()) {
			await(admin.alterUserScramCredentials(deletions).all(), "delete the Kafka user " + user);
		}
		return new Removed(user, !deletions.isEmpty(), deleted.size());
	}

	/**
	 * The SCRAM users of the cluster, every one, with their mechanisms.
	 * @param admin an administrator's client
	 * @return each user's credentials, by user name
	 */
	public static Map<String, UserScramCredentialsDescription> scramUsers(Admin admin) {
		return await(admin.describeUserScramCredentials().all(), "describe the Kafka users");
	}

	/**
	 * The ACLs whose principal is a user.
	 * @param admin an administrator's client
	 * @param user a user name, e.g. {@code producer-kaz}
	 * @return its bindings, whatever resource they name
	 */
	public static Collection<AclBinding> aclsOf(Admin admin, String user) {
		return await(admin.describeAcls(principalFilter(user)).values(), "describe the ACLs of " + user);
	}

	/**
	 * Every ACL of the cluster.
	 * @param admin an administrator's client
	 * @return every binding
	 */
	public static Collection<AclBinding> allAcls(Admin admin) {
		return await(admin.describeAcls(AclBindingFilter.ANY).values(), "describe the ACLs");
	}

	private static Applied applyUser(Admin admin, String user, String password, List<AclBinding> acls) {
		// read first: a cluster without an authorizer fails here, before anything is
		// written
		Set<AclBinding> missing = new LinkedHashSet<>(acls);
		missing.removeAll(aclsOf(admin, user));
		boolean existed = scramUsers(admin).containsKey(user);
		await(admin.alterUserScramCredentials(List.of(user(user, password))).all(),
				"create or update the Kafka user " + user);
		if (!missing.isEmpty()) {
			await(admin.createAcls(List.copyOf(missing)).all(), "grant the ACLs of " + user);
		}
		return new Applied(user, !existed, missing.size(), new LinkedHashSet<>(acls).size() - missing.size());
	}

	private static AclBindingFilter principalFilter(String user) {
		return new AclBindingFilter(ResourcePatternFilter.ANY,
				new AccessControlEntryFilter(principal(user), null, AclOperation.ANY, AclPermissionType.ANY));
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
				new AccessControlEntry(principal(user), "*", operation, AclPermissionType.ALLOW));
	}

	private static String principal(String user) {
		return "User:" + user;
	}

	private static <T> T await(KafkaFuture<T> future, String what) {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot " + what, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while trying to " + what, ex);
		}
	}

	/**
	 * What applying a principal's access changed.
	 *
	 * @param user the Kafka user
	 * @param userCreated whether the user did not exist before (otherwise its password
	 * was written again)
	 * @param aclsAdded how many of its ACLs were granted now
	 * @param aclsInPlace how many of its ACLs it had already
	 */
	public record Applied(String user, boolean userCreated, int aclsAdded, int aclsInPlace) {
	}

	/**
	 * What removing a principal's access removed.
	 *
	 * @param user the Kafka user
	 * @param userDeleted whether it had SCRAM credentials, now deleted
	 * @param aclsDeleted how many ACLs named it
	 */
	public record Removed(String user, boolean userDeleted, int aclsDeleted) {
	}

}
