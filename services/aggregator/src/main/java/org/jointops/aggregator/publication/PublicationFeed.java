package org.jointops.aggregator.publication;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jointops.register.InvalidRegisterException;
import org.jointops.register.PublicationEntry;
import org.jointops.register.RegisterDocument;
import org.jointops.support.kafka.TopicFollower;
import org.jointops.wire.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The feed of publications: every publication of every operation, in the order the
 * register recorded them. It follows {@value Topics#REGISTER} itself (a
 * {@link TopicFollower}, as the register does, applying the same rule: a version not
 * higher than its operation's is skipped), so that each publication has a place in one
 * global order: the offset of the register record that first listed it, its event id.
 * Until it has read the topic to its end, subscribers wait; then each gets the
 * publications after its {@code Last-Event-ID} (all of them without one), then each new
 * one.
 */
@Component
class PublicationFeed implements SmartLifecycle {

	private final TopicFollower<String, String> follower;

	private final List<Published> published = new CopyOnWriteArrayList<>();

	private final Map<String, Long> versions = new HashMap<>();

	private final Map<String, Set<Integer>> numbers = new HashMap<>();

	private final Set<PublicationClient> subscribers = ConcurrentHashMap.newKeySet();

	private final Object lock = new Object();

	private volatile boolean caughtUp;

	private volatile boolean running;

	PublicationFeed(KafkaProperties kafka) {
		this.follower = new TopicFollower<>(Topics.register(), kafka.buildConsumerProperties(), "publication-feed",
				this::apply);
	}

	/**
	 * Subscribes a client: once the feed has caught up, it gets the publications after
	 * its position, then every new one.
	 * @param client the client
	 */
	void subscribe(PublicationClient client) {
		synchronized (this.lock) {
			if (this.caughtUp) {
				this.published.forEach(client::offer);
			}
			this.subscribers.add(client);
		}
	}

	void unsubscribe(PublicationClient client) {
		this.subscribers.remove(client);
	}

	boolean isCaughtUp() {
		return this.caughtUp;
	}

	void apply(ConsumerRecord<String, String> record) {
		RegisterDocument document;
		try {
			document = RegisterDocument.fromJson(record.value());
		}
		catch (InvalidRegisterException ex) {
			// logged by the register itself
			return;
		}
		synchronized (this.lock) {
			Long known = this.versions.get(document.operation());
			if (known != null && document.version() <= known) {
				return;
			}
			this.versions.put(document.operation(), document.version());
			Set<Integer> seen = this.numbers.computeIfAbsent(document.operation(), (key) -> new HashSet<>());
			for (PublicationEntry entry : document.publications()) {
				if (seen.add(entry.number())) {
					Published event = new Published(record.offset(), document.operation(), entry);
					this.published.add(event);
					if (this.caughtUp) {
						this.subscribers.forEach((client) -> client.offer(event));
					}
				}
			}
		}
	}

	private void markCaughtUp() {
		synchronized (this.lock) {
			if (this.caughtUp) {
				return;
			}
			this.caughtUp = true;
			this.subscribers.forEach((client) -> this.published.forEach(client::offer));
		}
	}

	private void catchUp() {
		this.follower.readToEnd().whenComplete((done, failure) -> {
			if (failure == null) {
				markCaughtUp();
			}
			else if (this.running && !(failure instanceof CancellationException)
					&& !(failure instanceof CompletionException
							&& failure.getCause() instanceof CancellationException)) {
				catchUp();
			}
		});
	}

	@Override
	public void start() {
		this.running = true;
		this.follower.start();
		catchUp();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.follower.isRunning()) {
			this.follower.stop();
			this.subscribers.forEach(PublicationClient::close);
			this.subscribers.clear();
		}
	}

	@Override
	public boolean isRunning() {
		return this.follower.isRunning();
	}

	/**
	 * A publication in the feed's order.
	 *
	 * @param position the offset of the register record that first listed it: the event
	 * id
	 * @param operation the operation
	 * @param entry the publication
	 */
	record Published(long position, String operation, PublicationEntry entry) {

	}

}
