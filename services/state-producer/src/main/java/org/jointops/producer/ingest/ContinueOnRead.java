package org.jointops.producer.ingest;

import org.apache.catalina.connector.Connector;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers {@code Expect: 100-continue} only when a body is actually read (its
 * default is at once). A body whose declared length is over the limit is refused before
 * it is read, so the client gets its 413 without sending megabytes for nothing.
 */
@Component
class ContinueOnRead implements TomcatConnectorCustomizer {

	@Override
	public void customize(Connector connector) {
		connector.setProperty("continueResponseTiming", "onRead");
	}

}
