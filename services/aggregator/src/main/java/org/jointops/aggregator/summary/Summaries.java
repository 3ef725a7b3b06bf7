package org.jointops.aggregator.summary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jointops.aggregator.documents.PdfDocuments;
import org.jointops.aggregator.query.InvalidQueryException;
import org.jointops.catalogue.Catalogue;
import org.jointops.catalogue.Operation;
import org.jointops.catalogue.Untrusted;
import org.jointops.register.FigureStatus;
import org.jointops.register.RegisterDocument;
import org.jointops.totals.CouncilTotals;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The council summary of given totals as an HTTP answer: the one code behind the live
 * summary and the summary of a publication (a pure function of the totals, the catalogue
 * and what was asked for).
 */
public final class Summaries {

	static final MediaType TEXT_MARKDOWN = MediaType.parseMediaType("text/markdown");

	private static final List<MediaType> OFFERED = List.of(MediaType.TEXT_PLAIN, TEXT_MARKDOWN, MediaType.TEXT_HTML,
			PdfDocuments.PDF);

	private Summaries() {
	}

	/**
	 * The summary of totals, in the language and format asked for.
	 * @param totals the totals
	 * @param register the operation's register as it stood with these totals (the marks
	 * FINAL and PRELIMINARY come from it)
	 * @param operation the operation's catalogue entry
	 * @param catalogue the catalogue
	 * @param lang {@code en} or {@code ru}
	 * @param format {@code txt}, {@code md}, {@code html} or {@code pdf}, or null to
	 * follow {@code accept}
	 * @param accept the {@code Accept} header, or null
	 * @param asOf the instant asked for, or null
	 * @param publication the publication the totals are the figures of, or null for live
	 * totals
	 * @return the answer, with its content type and language
	 * @throws InvalidQueryException for a language or format not offered
	 */
	public static ResponseEntity<?> answer(CouncilTotals totals, RegisterDocument register, Operation operation,
			Catalogue catalogue, String lang, String format, String accept, Instant asOf, Publication publication) {
		SummaryLanguage language;
		try {
			language = SummaryLanguage.of(lang);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidQueryException.of("lang", ex.getMessage());
		}
		MediaType type = negotiate(format, accept);
		CouncilSummary summary = CouncilSummary.of(totals, operation, catalogue, register, language, asOf);
		if (publication != null) {
			summary = new CouncilSummary(summary.language(), summary.title(), summary.council(), summary.intro(),
					summary.items(), summary.none(), summary.tables(),
					summary.figures() + " "
							+ language.message("publication", publication.number(),
									language.dateTime(publication.publishedAt()),
									language.message("publication." + publication.status())),
					summary.finality(), summary.stages());
		}
		if (PdfDocuments.PDF.equalsTypeAndSubtype(type)) {
			String name = operation.code() + ((publication != null) ? "-publication-" + publication.number() : "")
					+ "-summary-" + language.code() + ".pdf";
			return ResponseEntity.ok()
				.contentType(PdfDocuments.PDF)
				.header(HttpHeaders.CONTENT_LANGUAGE, language.code())
				.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(name).build().toString())
				.body(SummaryRenderer.pdf(summary));
		}
		String body = TEXT_MARKDOWN.equalsTypeAndSubtype(type) ? SummaryRenderer.markdown(summary)
				: MediaType.TEXT_HTML.equalsTypeAndSubtype(type) ? SummaryRenderer.html(summary)
						: SummaryRenderer.plainText(summary);
		return ResponseEntity.ok()
			.contentType(new MediaType(type, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_LANGUAGE, language.code())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.body(body);
	}

	/**
	 * Checks a summary's language and format before anything is read.
	 * @param lang the language asked for
	 * @param format the format asked for, or null
	 * @throws InvalidQueryException for a language or format not offered
	 */
	public static void check(String lang, String format) {
		try {
			SummaryLanguage.of(lang);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidQueryException.of("lang", ex.getMessage());
		}
		negotiate(format, null);
	}

	static MediaType negotiate(String format, String accept) {
		if (format != null) {
			return switch (format.toLowerCase(Locale.ROOT)) {
				case "txt", "text" -> MediaType.TEXT_PLAIN;
				case "md", "markdown" -> TEXT_MARKDOWN;
				case "html" -> MediaType.TEXT_HTML;
				case "pdf" -> PdfDocuments.PDF;
				default -> throw InvalidQueryException.of("format",
						"must be txt, md, html or pdf, not " + Untrusted.quoted(format));
			};
		}
		if (accept == null || accept.isBlank()) {
			return MediaType.TEXT_PLAIN;
		}
		List<MediaType> accepted = MediaType.parseMediaTypes(accept);
		accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType wanted : accepted) {
			for (MediaType offered : OFFERED) {
				if (wanted.includes(offered)) {
					return offered;
				}
			}
		}
		return MediaType.TEXT_PLAIN;
	}

	/**
	 * Which publication summarised figures are.
	 *
	 * @param number its number
	 * @param publishedAt when it was published
	 * @param status whether its figures were final
	 */
	public record Publication(int number, Instant publishedAt, FigureStatus status) {

	}

}
