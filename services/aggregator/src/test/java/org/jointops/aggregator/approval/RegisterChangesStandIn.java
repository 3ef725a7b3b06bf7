package org.jointops.aggregator.approval;

import org.jointops.aggregator.register.RegisterChanges;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The submissions API with the register's writer in memory, for web tests: each change
 * applies to the context's {@link RegisterStandIn} (changes on a real broker are tested
 * in {@code PipelineIntegrationTests} of the local stack).
 */
@TestConfiguration
@Import(Approvals.class)
public class RegisterChangesStandIn {

	@Bean
	RegisterChanges registerChanges(RegisterStandIn registers) {
		RegisterChanges changes = Mockito.mock(RegisterChanges.class);
		Mockito.when(changes.current(ArgumentMatchers.anyString()))
			.thenAnswer((invocation) -> registers.of(invocation.getArgument(0)));
		Mockito.when(changes.change(ArgumentMatchers.anyString(), ArgumentMatchers.any(), ArgumentMatchers.any()))
			.thenAnswer((invocation) -> registers.change(invocation.getArgument(0), invocation.getArgument(2)));
		return changes;
	}

}
