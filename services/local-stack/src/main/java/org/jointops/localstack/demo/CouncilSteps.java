package org.jointops.localstack.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;

import org.jointops.localstack.credentials.AgencyCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The council's part of the demonstration, after the reports are counted: the secretariat
 * sets the dataset's exchange rates (those not already in force), one state submits its
 * figures for one stage and the secretariat accepts them (unless already accepted), and
 * the secretariat publishes the figures for observers. Each step prints what it did;
 * running it again changes nothing but a new publication.
 */
final class CouncilSteps {

	private final DemoClient client;

	private final AgencyCredentials credentials;

	private final String aggregatorUrl;

	private final PrintStream out;

	CouncilSteps(DemoClient client, AgencyCredentials credentials, String aggregatorUrl, PrintStream out) {
		this.client = client;
		this.credentials = credentials;
		this.aggregatorUrl = aggregatorUrl;
		this.out = out;
	}

	/**
	 * Sets every rate of the dataset that is not in force with its value already.
	 * @param operation the operation
	 * @param rates the dataset's rates: stage, currency, unitsPerUsd, source, effective
	 */
	void setRates(String operation, JsonNode rates) {
		String secretariat = this.credentials.readerToken(AgencyCredentials.SECRETARIAT);
		JsonNode inForce = DemoClient.json(this.client.get(operations(operation) + "/rates", secretariat));
		this.out.println("Exchange rates set by the secretariat (units per US dollar):");
		for (JsonNode rate : rates) {
			int stage = rate.path("stage").asInt();
			String currency = rate.path("currency").asString();
			BigDecimal wanted = new BigDecimal(rate.path("unitsPerUsd").asString());
			BigDecimal current = currentRate(inForce, stage, currency);
			String outcome;
			if (current != null && current.compareTo(wanted) == 0) {
				outcome = "already in force";
			}
			else {
				ObjectNode body = DemoClient.JSON.createObjectNode();
				body.put("unitsPerUsd", wanted);
				body.put("source", rate.path("source").asString());
				body.put("effective", rate.path("effective").asString());
				HttpResponse<String> response = this.client.put(this.aggregatorUrl + "/api/v1/admin/operations/"
						+ operation + "/rates/" + stage + "/" + currency, body, secretariat);
				outcome = answer(response);
			}
			this.out.printf("  stage %d  %s %12s  %s%n", stage, currency, wanted.toPlainString(), outcome);
		}
	}

	/**
	 * A state submits its figures for a stage and the secretariat accepts them, unless
	 * they are accepted already.
	 * @param operation the operation
	 * @param stage the stage
	 * @param state the member state (the local stack's state reader's)
	 */
	void submitAndAccept(String operation, int stage, String state) {
		String secretariat = this.credentials.readerToken(AgencyCredentials.SECRETARIAT);
		String submission = operations(operation) + "/submissions/" + stage + "/" + state;
		String status = DemoClient.json(this.client.get(submission, secretariat)).path("status").asString();
		this.out.println("Stage " + stage + " of " + state + " (status " + status + "):");
		if ("ACCEPTED".equals(status)) {
			this.out.println("  already accepted: its figures are final, and its producer refuses changes with 409");
			return;
		}
		if (!"SUBMITTED".equals(status)) {
			HttpResponse<String> submitted = this.client.post(submission + ":submit", comment("figures complete"),
					this.credentials.readerToken(this.credentials.stateReader()));
			this.out.println("  submitted by " + state + ": " + answer(submitted));
		}
		HttpResponse<String> accepted = this.client.post(submission + ":accept", comment("checked"), secretariat);
		this.out.println("  accepted by the secretariat: " + answer(accepted));
	}

	/**
	 * The secretariat publishes the operation's figures.
	 * @param operation the operation
	 * @return the publication's number, or -1 if refused
	 */
	int publish(String operation) {
		HttpResponse<String> response = this.client.post(
				this.aggregatorUrl + "/api/v1/admin/operations/" + operation + "/publications",
				DemoClient.JSON.createObjectNode(), this.credentials.readerToken(AgencyCredentials.SECRETARIAT));
		JsonNode body = DemoClient.json(response);
		if (response.statusCode() == 409 && response.headers().firstValue("Location").isPresent()) {
			String latest = response.headers().firstValue("Location").get();
			int number = Integer.parseInt(latest.substring(latest.lastIndexOf('/') + 1));
			this.out.println("Nothing new to publish since publication " + number + ": observers see that one.");
			return number;
		}
		if (response.statusCode() != 201) {
			this.out.println("Publication refused: " + answer(response));
			return -1;
		}
		int number = body.path("number").asInt();
		this.out.println("Published as publication " + number + " (" + body.path("status").asString()
				+ "): what observers see, until the next one.");
		return number;
	}

	private String operations(String operation) {
		return this.aggregatorUrl + "/api/v1/operations/" + operation;
	}

	private static BigDecimal currentRate(JsonNode inForce, int stage, String currency) {
		for (JsonNode rate : inForce.path("rates")) {
			if (rate.path("stage").asInt() == stage && rate.path("currency").asString().equals(currency)) {
				return rate.path("inForce").path("unitsPerUsd").decimalValue();
			}
		}
		return null;
	}

	private static ObjectNode comment(String text) {
		return DemoClient.JSON.createObjectNode().put("comment", text);
	}

	private static String answer(HttpResponse<String> response) {
		if (response.statusCode() / 100 == 2) {
			return String.valueOf(response.statusCode());
		}
		return response.statusCode() + " " + DemoClient.json(response).path("detail").asString();
	}

}
