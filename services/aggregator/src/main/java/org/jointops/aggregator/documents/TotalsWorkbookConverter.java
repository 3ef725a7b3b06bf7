package org.jointops.aggregator.documents;

import java.io.IOException;

import org.jointops.aggregator.api.OperationTotalsView;
import org.jointops.support.catalogue.CurrentCatalogue;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Writes council totals as a workbook ({@link TotalsWorkbook}) when the spreadsheet type
 * is negotiated, as an attachment named after the operation. The catalogue naming the
 * categories is the current one.
 */
@Component
class TotalsWorkbookConverter extends AbstractHttpMessageConverter<OperationTotalsView> {

	private final CurrentCatalogue catalogue;

	TotalsWorkbookConverter(CurrentCatalogue catalogue) {
		super(TotalsWorkbook.XLSX);
		this.catalogue = catalogue;
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
		byte[] workbook = TotalsWorkbook.of(totals, this.catalogue.current());
		output.getHeaders()
			.setContentDisposition(ContentDisposition.attachment().filename(TotalsWorkbook.fileName(totals)).build());
		output.getHeaders().setContentLength(workbook.length);
		output.getBody().write(workbook);
	}

}
