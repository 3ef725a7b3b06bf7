package org.jointops.testsupport.api;

/**
 * One request a test made and the status it got.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the path asked for, without the query
 * @param status the status answered
 * @param contentType the answer's media type without parameters, or null if it had no
 * body
 */
public record Exchange(String method, String path, int status, String contentType) {

	@Override
	public String toString() {
		return this.method + " " + this.path + " " + this.status
				+ ((this.contentType != null) ? " " + this.contentType : "");
	}

}
