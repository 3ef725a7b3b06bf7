package org.jointops.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * One run of a programme, e.g. {@code ILLEGAL-2017}, with its stages.
 *
 * @param code e.g. {@code ILLEGAL-2017}
 * @param programme code of its programme, e.g. {@code ILLEGAL}
 * @param name e.g. {@code Illegal 2017}
 * @param stages its stages, numbered from 1
 */
public record Operation(String code, String programme, String name, List<Stage> stages) {

	public Operation {
		stages = (stages != null) ? List.copyOf(stages) : List.of();
	}

	/**
	 * A stage by number.
	 * @param number stage number
	 * @return the stage, if the operation has it
	 */
	public Optional<Stage> stage(int number) {
		return this.stages.stream().filter((stage) -> stage.stage() == number).findFirst();
	}

}
