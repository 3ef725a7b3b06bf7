package org.jointops.aggregator.documents;

import java.io.IOException;

import org.jointops.aggregator.api.OperationTotalsView;
import org.jointops.aggregator.publication.Publications;
import org.jointops.catalogue.Catalogue;
import org.jointops.support.catalogue.CurrentCatalogue;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Writes council totals as a workbook ({@link TotalsWorkbook}) when the spreadsheet type
 * is negotiated, as an attachment named after the operation. The catalogue naming the
 * categories, states and stages is the current one for live totals, and the one the
 * publication stored for published totals, so that a publication's workbook never
 * changes.
 */
@Component
class TotalsWorkbookConverter extends AbstractHttpMessageConverter<OperationTotalsView> {

	private final CurrentCatalogue catalogue;

	private final ObjectProvider<Publications> publications;

	TotalsWorkbookConverter(CurrentCatalogue catalogue, ObjectProvider<Publications> publications) {
		super(TotalsWorkbook.XLSX);
		this.catalogue = catalogue;
		this.publications = publications;
	}

	@Override
	protected boolean supports(Class<?> type) {
		return OperationTotalsView.class.isAssignableFrom(type);
	}

	@Override
	protected boolean canRead(org.springframework.http.MediaType mediaType) {
		return false;
	}

	@Override
	protected OperationTotalsView readInternal(Class<? extends OperationTotalsView> type, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("Totals are not read from a workbook", input);
	}

	@Override
	protected void writeInternal(OperationTotalsView totals, HttpOutputMessage output) throws IOException {
		Catalogue current = this.catalogue.current();
		Publications published = this.publications.getIfAvailable();
		Catalogue catalogue = (totals.publication() != null && published != null)
				? published.snapshot(totals.operation(), totals.publication().number()).catalogueOr(current) : current;
		byte[] workbook = TotalsWorkbook.of(totals, catalogue);
		output.getHeaders()
			.setContentDisposition(ContentDisposition.attachment().filename(TotalsWorkbook.fileName(totals)).build());
		output.getHeaders().setContentLength(workbook.length);
		output.getBody().write(workbook);
	}

}
