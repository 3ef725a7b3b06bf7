package org.jointops.testsupport.api;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Records every exchange of every MockMvc the tests build ({@link ObservedExchanges}):
 * listed for {@code @AutoConfigureMockMvc} (and so {@code @WebMvcTest}) in
 * {@code META-INF/spring}, so that no web test can be left out of the API contract.
 */
@AutoConfiguration
public class ExchangeRecordingAutoConfiguration {

	@Bean
	MockMvcBuilderCustomizer exchangeRecording() {
		return (builder) -> builder.alwaysDo(ObservedExchanges::record);
	}

}
